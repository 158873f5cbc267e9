import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStoredEntities, snapshotSqliteStore } from '../../support/sqlite-store-probe.ts';
import { generateScaledData, startMagentoFixture, type MagentoFixture } from '../../fixtures/magento/index.ts';
import { magentoFlow, shopEnv } from './magento-harness.ts';

const CLI = path.resolve('bin/tributary.js');
const CUSTOMERS = 400;
const ORDERS = 400;
let work: string;
let flowFile: string;
let shop: MagentoFixture;

/** Runs `tributary run <flow> --json` in a child process (async: the shop answers from this process). */
function runCli(dataDir: string): { child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [CLI, 'run', flowFile, '--json'], {
    env: { ...process.env, ...shopEnv(shop), TRIBUTARY_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'tributary-magento-crash-'));
  shop = await startMagentoFixture({ mode: 'rpc-php', data: generateScaledData({ customers: CUSTOMERS, orders: ORDERS }) });
  const flow = { ...magentoFlow({ soap: { windowDays: 3650, retryDelayMs: 50 } }), settings: { batchSize: 50 } };
  flowFile = path.join(work, 'magento-crash.flow.json');
  writeFileSync(flowFile, JSON.stringify(flow));
}, 60_000);

afterAll(async () => {
  await shop?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('tributary run of the Magento flow killed with SIGKILL mid-sync', () => {
  it('ends, after a re-run, with exactly the store of an uninterrupted run', async () => {
    const reference = path.join(work, 'reference');
    const uninterrupted = await runCli(reference).done;
    expect(uninterrupted.stderr).toBe('');
    expect(uninterrupted.code).toBe(0);
    const expected = snapshotSqliteStore(reference, 'magento-demo');
    expect(expected.entities.length).toBeGreaterThan(CUSTOMERS + ORDERS);

    const crashed = path.join(work, 'crashed');
    const { child, done } = runCli(crashed);
    let stored = 0;
    while (stored < CUSTOMERS + 100 && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      stored = countStoredEntities(crashed);
    }
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const partial = countStoredEntities(crashed);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(expected.entities.length);

    const rerun = await runCli(crashed).done;
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    const run = JSON.parse(rerun.stdout) as { status: string; entities: { added: number } };
    expect(run.status).toBe('succeeded');
    expect(run.entities.added).toBe(expected.entities.length - partial);

    const actual = snapshotSqliteStore(crashed, 'magento-demo');
    expect(actual.duplicates).toBe(0);
    expect(actual.entities).toEqual(expected.entities);
  }, 90_000);
});
