import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteEntityStore } from '../../../runtime/store/sqlite-store.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TOKEN = 'signal-test-token';
const COMMAND = ['bin/tributary.js'];

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function flowFile(stubborn: boolean): string {
  return JSON.stringify({
    schemaVersion: 1, id: 'slow', name: 'Slow',
    nodes: [
      { id: 'source', type: 'testslow.people', version: 1, config: { stubborn } },
      { id: 'store', type: 'core.entity-store', version: 1, config: {} },
    ],
    connections: [{ from: { node: 'source', port: 'entities' }, to: { node: 'store', port: 'entities' } }],
  });
}

/** Starts `tributary serve` on a free port over temporary directories; resolves with its URL once it listens. */
async function startServe(stubborn: boolean): Promise<{ url: string; dataDir: string; exited: Promise<{ code: number | null; at: number }> }> {
  const root = mkdtempSync(join(tmpdir(), 'tributary-serve-'));
  const dataDir = join(root, 'data');
  const flowsDir = join(root, 'flows');
  mkdirSync(flowsDir);
  writeFileSync(join(flowsDir, 'slow.flow.json'), flowFile(stubborn));
  child = spawn(process.execPath, [...COMMAND, 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', TRIBUTARY_DATA_DIR: dataDir, TRIBUTARY_FLOWS_DIR: flowsDir, TRIBUTARY_TOKEN: TOKEN,
      TRIBUTARY_NODE_PATHS: join(ROOT, 'test/runtime/server/fixtures/slow-nodes.ts') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child?.on('exit', (code) => resolve({ code, at: Date.now() })));
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child?.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Tributary is running: (http:\/\/[^/]+)\/\?token=(\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    void exited.then(() => reject(new Error(`serve exited early:\n${output}`)));
    setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 20_000);
  });
  expect(output).toContain(`/?token=${TOKEN}`);
  return { url, dataDir, exited };
}

async function startRun(url: string): Promise<string> {
  const response = await fetch(`${url}/api/flows/slow/runs`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: '{}' });
  expect(response.status).toBe(202);
  return ((await response.json()) as { runId: string }).runId;
}

describe('tributary serve and signals', () => {
  it('on SIGTERM cancels the running run at a checkpoint and exits 0', async () => {
    const { url, dataDir, exited } = await startServe(false);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    const runId = await startRun(url);
    await new Promise((resolve) => setTimeout(resolve, 500));
    child?.kill('SIGTERM');
    expect((await exited).code).toBe(0);
    const store = new SqliteEntityStore({ dataDir });
    await store.init();
    try {
      expect((await store.getRun(runId))?.status).toBe('cancelled');
    } finally {
      await store.close();
    }
  }, 30_000);

  it('exits at once on a second SIGTERM while the first waits for a run that does not stop', async () => {
    const { url, exited } = await startServe(true);
    await startRun(url);
    child?.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(child?.exitCode).toBeNull();
    const second = Date.now();
    child?.kill('SIGTERM');
    const { code, at } = await exited;
    expect(code).toBe(143);
    expect(at - second).toBeLessThan(2_000);
  }, 30_000);
});
