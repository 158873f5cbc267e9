import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBuiltInCatalog } from '../../../nodes/builtin.ts';
import type { Flow } from '../../../nodes/contract/flow-file.ts';
import { validateFlow } from '../../../nodes/contract/validate-flow.ts';
import { EntityRegistry } from '../../../nodes/entities/registry.ts';
import { runFlow } from '../../../runtime/engine/run-flow.ts';
import { SqliteEntityStore } from '../../../runtime/store/sqlite-store.ts';
import { startRestFixture, type RestFixture } from '../../fixtures/rest/server.ts';

const catalog = createBuiltInCatalog();
const entities = new EntityRegistry();
let api: RestFixture;
let dataDir: string;
let store: SqliteEntityStore;
let flow: Flow;

beforeEach(async () => {
  api = await startRestFixture({ records: 250 });
  dataDir = await mkdtemp(path.join(tmpdir(), 'tributary-rest-flow-'));
  store = new SqliteEntityStore({ dataDir, registry: entities });
  await store.init();
  flow = JSON.parse(await readFile('flows/rest-example.flow.json', 'utf8')) as Flow;
});
afterEach(async () => {
  await store.close();
  await api.close();
  await rm(dataDir, { recursive: true, force: true });
});

const run = () => runFlow({ flow, catalog, store, entities, trigger: 'manual', env: { REST_EXAMPLE_URL: api.url } });

describe('flows/rest-example.flow.json', () => {
  it('is a valid flow of built-in node types', () => {
    expect(validateFlow(flow, catalog).issues).toEqual([]);
  });

  it('stores every record as a person, then reads only what changed', async () => {
    const first = await run();
    expect(first).toMatchObject({ status: 'succeeded', entities: { added: 250, updated: 0 } });
    expect(first.cursorsAfter).toEqual({ people: { cursor: '2024-01-01T00:04:09Z' } });

    api.data.touch([10]);
    api.data.add(1);
    api.requests.clear();
    const second = await run();
    // The boundary record (at the saved cursor) is read again and found unchanged.
    expect(second).toMatchObject({ status: 'succeeded', entities: { added: 1, updated: 1, unchanged: 1 } });
    expect(api.requests.entries.map((entry) => entry.query.updated_since)).toEqual(['2024-01-01T00:04:09Z']);
  });

  it('fails the run with the transport\'s message when the API is down', async () => {
    await api.close();
    const failed = await run();
    expect(failed.status).toBe('failed');
    expect(failed.errors[0]).toMatchObject({ nodeId: 'people', message: expect.stringMatching(/^node "people": GET http:\/\/127\.0\.0\.1:\d+\/page\/items\?per_page=100&page=1: the connection to 127\.0\.0\.1:\d+ was refused.* Gave up after 4 attempts\.$/) });
  }, 20_000);
});
