import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteEntityStore } from '../../../runtime/store/sqlite-store.ts';
import { person } from './contract/fixtures.ts';
import { describeStoreContract } from './store-contract.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'tributary-sqlite-store-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function openSqlite(options: ConstructorParameters<typeof SqliteEntityStore>[0] = { dataDir }): Promise<SqliteEntityStore> {
  const store = new SqliteEntityStore(options);
  await store.init();
  return store;
}

describeStoreContract('SqliteEntityStore', () => openSqlite());

describe('SqliteEntityStore file', () => {
  it('writes <dataDir>/tributary.db in WAL mode with synchronous NORMAL', async () => {
    const store = await openSqlite();
    const file = join(dataDir, 'tributary.db');
    expect(store.path).toBe(file);
    expect(existsSync(file)).toBe(true);
    const probe = new Database(file, { readonly: true });
    try {
      expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      probe.close();
      await store.close();
    }
  });

  it('keeps entities and cursors across close and reopen', async () => {
    const dir = join(dataDir, 'reopen');
    const first = await openSqlite({ dataDir: dir });
    await first.upsertBatch({ channel: 'shop', runId: 'r', entities: [person('1')], states: [{ nodeId: 'c', state: { at: 5 } }] });
    await first.close();
    const second = await openSqlite({ dataDir: dir });
    expect(await second.getNodeStates('shop')).toEqual({ c: { at: 5 } });
    expect(await second.upsertBatch({ channel: 'shop', runId: 'r2', entities: [person('1')] }))
      .toEqual({ added: 0, updated: 0, unchanged: 1 });
    await second.close();
  });

  it('runs in memory for tests', async () => {
    const store = await openSqlite({ filename: ':memory:' });
    expect(await store.upsertBatch({ channel: 'shop', runId: 'r', entities: [person('1')] })).toEqual({ added: 1, updated: 0, unchanged: 0 });
    await store.close();
  });

  it('says to call init() when used before it', async () => {
    await expect(new SqliteEntityStore({ filename: ':memory:' }).countEntities()).rejects.toThrow(/init\(\)/);
  });
});
