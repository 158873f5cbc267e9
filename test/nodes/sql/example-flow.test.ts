import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBuiltInCatalog } from '../../../nodes/builtin.ts';
import type { Flow } from '../../../nodes/contract/flow-file.ts';
import { validateFlow } from '../../../nodes/contract/validate-flow.ts';
import { EntityRegistry } from '../../../nodes/entities/registry.ts';
import { runFlow } from '../../../runtime/engine/run-flow.ts';
import { SqliteEntityStore } from '../../../runtime/store/sqlite-store.ts';

const catalog = createBuiltInCatalog();
const entities = new EntityRegistry();
let dir: string;
let source: Database.Database;
let store: SqliteEntityStore;
let flow: Flow;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tributary-sql-flow-'));
  source = new Database(path.join(dir, 'crm.db'));
  source.exec(`CREATE TABLE contacts (id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT, email TEXT, updated_at TEXT);
    INSERT INTO contacts VALUES (1, 'Ada', 'Lovelace', ' ADA@example.com ', '2024-01-01T10:00:00Z'),
      (2, 'Alan', 'Turing', 'alan@example.com', '2024-01-02T10:00:00Z'), (3, 'Grace', 'Hopper', 'grace@example.com', '2024-01-03T10:00:00Z')`);
  store = new SqliteEntityStore({ dataDir: path.join(dir, 'data'), registry: entities });
  await store.init();
  flow = JSON.parse(await readFile('flows/sql-example.flow.json', 'utf8')) as Flow;
});
afterEach(async () => {
  source.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const run = () => runFlow({ flow, catalog, store, entities, trigger: 'manual', env: { SQL_EXAMPLE_URL: path.join(dir, 'crm.db') } });

describe('flows/sql-example.flow.json', () => {
  it('is a valid flow of built-in node types', () => {
    expect(validateFlow(flow, catalog).issues).toEqual([]);
  });

  it('stores every contact as a person, then reads only rows changed since', async () => {
    const first = await run();
    expect(first).toMatchObject({ status: 'succeeded', entities: { added: 3 }, cursorsAfter: { contacts: { cursor: '2024-01-03T10:00:00Z' } } });
    const ada = await store.getEntity('person', 'sql-example', '1');
    expect(ada?.data).toEqual({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', updatedAt: '2024-01-01T10:00:00.000Z' });

    source.exec(`UPDATE contacts SET last_name = 'King', updated_at = '2024-02-01T00:00:00Z' WHERE id = 1;
      INSERT INTO contacts VALUES (4, 'Edsger', 'Dijkstra', 'edsger@example.com', '2024-02-02T00:00:00Z')`);
    const second = await run();
    expect(second).toMatchObject({ status: 'succeeded', entities: { added: 1, updated: 1, unchanged: 0 }, nodes: { contacts: { out: 2 } } });
  });
});
