import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { checkNode, openNode } from 'tributary/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition, { type __PASCAL__Client } from './__FILE__.ts';
import { runFixtureFlow } from './fixtures/run-fixture-flow.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const records = JSON.parse(await readFile(fixture('records.json'), 'utf8')) as Record<string, unknown>[];
const API_KEY = 'fixture-key';
let server: Server;
let baseUrl: string;

/** A tiny API: `GET /persons?page=n` answers two records a page; a wrong key gets 401. */
beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.headers.authorization !== `Bearer ${API_KEY}`) return void response.writeHead(401).end();
    const page = Number(url.searchParams.get('page') ?? 1);
    const body = url.pathname === '/persons' ? { records: records.slice((page - 1) * 2, page * 2), next: page * 2 < records.length ? page + 1 : undefined } : {};
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('__TYPE__', () => {
  it('opens a client that reads a resource page by page', async () => {
    const opened = await openNode<__PASCAL__Client>({ definition, config: { baseUrl, apiKey: API_KEY } });
    const first = await opened.resource.list('persons', { page: 1, signal: AbortSignal.timeout(5000) });
    expect(first).toEqual({ records: records.slice(0, 2), next: 2 });
    await opened.close();
  });

  it('checks the connection and says what failed', async () => {
    expect((await checkNode({ definition, config: { baseUrl, apiKey: API_KEY } })).ok).toBe(true);
    const refused = await checkNode({ definition, config: { baseUrl, apiKey: 'wrong' } });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/HTTP 401/) });
  });

  it('stores the expected entities when its fixture flow runs', async () => {
    const expected = JSON.parse(await readFile(fixture('expected-entities.json'), 'utf8')) as unknown[];
    const { status, entities } = await runFixtureFlow({
      flowFile: fixture('flow.json'),
      modules: [fileURLToPath(new URL('./__FILE__.ts', import.meta.url)), fixture('fixture-connector.ts')],
      entityType: 'person',
      env: { FIXTURE_BASE_URL: baseUrl, FIXTURE_API_KEY: API_KEY },
    });
    expect(status).toBe('succeeded');
    expect(entities).toEqual(expected);
  }, 60_000);
});
