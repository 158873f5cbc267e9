import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../runtime/store/open-store.ts';
import { SqliteEntityStore } from '../../../runtime/store/sqlite-store.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'tributary-open-store-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('openStore', () => {
  it('opens the SQLite file in the data directory, ready to use, when no database URL is set', async () => {
    const store = await openStore({ dataDir, databaseUrl: '' });
    expect(store).toBeInstanceOf(SqliteEntityStore);
    expect((store as SqliteEntityStore).path).toBe(join(dataDir, 'tributary.db'));
    expect(await store.countEntities()).toEqual({});
    await store.close();
  });

  it('uses PostgreSQL when a database URL is set, and fails when it cannot be reached', async () => {
    await expect(openStore({ dataDir, databaseUrl: 'postgres://postgres@127.0.0.1:1/nothing' }))
      .rejects.toThrow(/ECONNREFUSED|connect/);
  });
});
