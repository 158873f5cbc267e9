import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../nodes/contract/errors.ts';
import { sqlTransportNode } from '../../../nodes/sql/transport/definition.ts';
import { checkNode, openNode } from '../../../runtime/testing/index.ts';
import { describeSqlSuite } from './sql-suite.ts';
import { readQuery } from './sql-harness.ts';
import { sqliteDatabase, type TestDatabase } from './test-database.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'tributary-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sql on SQLite', () => {
  describeSqlSuite(async () => sqliteDatabase(path.join(dir, 'suite.db')), {
    timestampType: 'TEXT',
    timestamp: (second) => new Date(Date.UTC(2024, 0, 1) + second * 1000).toISOString().replace(/\.000Z$/, 'Z'),
    cursorIsNull: ':cursor IS NULL',
    syntaxMessage: /incomplete input \(SQLITE_ERROR\)\. Fix config\.query\.$/,
    hiddenWrite: { query: (table) => `WITH doomed AS (SELECT id FROM ${table}) DELETE FROM ${table} WHERE id IN (SELECT id FROM doomed)` },
    checkMessage: /^Connected to SQLite file .*suite\.db: SQLite 3\.\d+\.\d+\.$/,
  });

  describe('type mapping', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = sqliteDatabase(path.join(dir, 'types.db'));
      await db.exec(`CREATE TABLE types (id INTEGER, big INTEGER, ratio REAL, price TEXT, raw BLOB, note TEXT);
        INSERT INTO types VALUES (1, 9007199254740993, 0.5, '19.99', X'48656c6c6f', 'Zoë'), (2, NULL, NULL, NULL, NULL, NULL)`);
    });
    afterAll(() => db?.close());

    it('returns values as stored, big integers as strings and blobs as base64', async () => {
      const { outputs } = await readQuery({ driver: 'sqlite', url: db.url }, { query: 'SELECT * FROM types ORDER BY id' });
      expect(outputs.records).toEqual([
        { id: 1, big: '9007199254740993', ratio: 0.5, price: '19.99', raw: 'SGVsbG8=', note: 'Zoë' },
        { id: 2, big: null, ratio: null, price: null, raw: null, note: null },
      ]);
    });
  });

  it('names the missing file, on open and in check()', async () => {
    const config = { driver: 'sqlite', url: path.join(dir, 'nope.db') };
    const error = await openNode({ definition: sqlTransportNode, config, nodeId: 'db' }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ field: 'url', message: expect.stringContaining(`cannot connect to SQLite file ${path.join(dir, 'nope.db')}`) });
    expect((await checkNode({ definition: sqlTransportNode, config })).ok).toBe(false);
  });
});
