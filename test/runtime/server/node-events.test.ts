import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from '../../../runtime/server/listen.ts';
import { describeNodeChange } from '../../../runtime/server/node-changes.ts';
import { openEventStream, type OpenEventStream } from './event-reader.ts';
import { createTestApp, TOKEN, type TestApp } from './test-app.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const nodeModule = (label: string, version: number) => `export default { type: 'acme.hello', version: ${version}, category: 'transform',
  channelType: 'acme', label: '${label}', description: 'd', config: { type: 'object', properties: {} },
  inputs: { in: { socket: 'records:*' } }, outputs: { out: { socket: 'records:*' } }, transform: (records) => records };\n`;

let t: TestApp | undefined;
let server: Server | undefined;
let child: ChildProcess | undefined;
let stream: OpenEventStream | undefined;
let tempDir: string | undefined;
afterEach(async () => {
  stream?.close();
  server?.closeAllConnections();
  server?.close();
  await t?.close();
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  t = server = child = stream = tempDir = undefined;
});

describe('GET /api/nodes/events', () => {
  it('needs the token (header or ?token=), then sends nodes:changed for every reload until the editor goes away', async () => {
    t = await createTestApp();
    const listening = await listen(t.app, { host: '127.0.0.1', port: 0 });
    server = listening.server;
    const refused = await fetch(`${listening.url}/api/nodes/events`);
    expect(refused.status).toBe(401);

    stream = await openEventStream(`${listening.url}/api/nodes/events?token=${TOKEN}`);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    expect(t.ctx.nodeChanges.size).toBe(1);
    const definition = t.ctx.catalog.list()[0];
    t.ctx.nodeChanges.publish(describeNodeChange({ source: '/nodes/hello.mjs', added: [definition], problems: [] }, new Date('2026-01-02T03:04:05Z')));
    expect(await stream.next('nodes:changed')).toEqual({
      event: 'nodes:changed',
      data: { source: '/nodes/hello.mjs', nodeTypes: [`${definition.type}@${definition.version}`], problems: 0, at: '2026-01-02T03:04:05.000Z' },
    });

    stream.close();
    for (let i = 0; i < 50 && t.ctx.nodeChanges.size > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(t.ctx.nodeChanges.size).toBe(0);
  });

  it('is documented in the OpenAPI document', async () => {
    t = await createTestApp();
    const document = (await t.api().get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths['/api/nodes/events'] ?? {})).toEqual(['get']);
  });
});

/** Starts `tributary serve --watch-nodes` with one custom module; resolves with its URL once it listens. */
async function serveWatching(modulePath: string): Promise<string> {
  tempDir = mkdtempSync(join(tmpdir(), 'tributary-watch-serve-'));
  child = spawn(process.execPath, ['bin/tributary.js', 'serve', '--watch-nodes'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TRIBUTARY_DATA_DIR: join(tempDir, 'data'), TRIBUTARY_FLOWS_DIR: join(tempDir, 'flows'),
      TRIBUTARY_TOKEN: TOKEN, TRIBUTARY_NODE_PATHS: modulePath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Tributary is running: (http:\/\/[^/]+)\//.exec(output);
      if (match) resolve(match[1]);
    };
    child?.stdout?.on('data', onData);
    child?.stderr?.on('data', onData);
    child?.once('exit', () => reject(new Error(`serve exited early:\n${output}`)));
    setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 30_000);
  });
}

describe('tributary serve --watch-nodes', () => {
  it('reloads a changed node module and tells the editors, whose next GET /api/nodes has the new definition', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tributary-watch-module-'));
    const file = join(dir, 'hello.mjs');
    writeFileSync(file, nodeModule('Hello', 1));
    try {
      const url = await serveWatching(file);
      const catalogue = async () => ((await (await fetch(`${url}/api/nodes`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()) as
        { nodes: { type: string; label: string; version: number }[] }).nodes.filter((node) => node.type === 'acme.hello');
      expect(await catalogue()).toEqual([expect.objectContaining({ label: 'Hello', version: 1 })]);
      stream = await openEventStream(`${url}/api/nodes/events`, { Authorization: `Bearer ${TOKEN}` });
      writeFileSync(file, nodeModule('Hello again', 2));
      const event = await stream.next('nodes:changed', 15_000);
      expect(event.data).toMatchObject({ source: file, nodeTypes: ['acme.hello@2'], problems: 0 });
      expect(await catalogue()).toEqual([expect.objectContaining({ label: 'Hello again', version: 2 })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
