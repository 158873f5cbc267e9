import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransportError } from '../../../nodes/contract/errors.ts';
import { sqlTransportNode } from '../../../nodes/sql/transport/definition.ts';
import { checkNode, openNode } from '../../../runtime/testing/index.ts';
import { refusedUrl, serviceUrl, uniqueTable } from './sql-services.ts';
import { describeSqlSuite } from './sql-suite.ts';
import { queryError, readQuery } from './sql-harness.ts';
import { postgresDatabase, type TestDatabase } from './test-database.ts';

const url = serviceUrl('TEST_POSTGRES_URL', 'postgres://postgres@127.0.0.1:5432/test');

describe.skipIf(!url)('sql on PostgreSQL', () => {
  describeSqlSuite(() => postgresDatabase(url as string), {
    timestampType: 'timestamp(6)',
    timestamp: (second) => new Date(Date.UTC(2024, 0, 1) + second * 1000).toISOString().replace('T', ' ').replace(/\.000Z$/, ''),
    cursorIsNull: ':cursor::timestamp IS NULL',
    syntaxMessage: /syntax error at end of input \(SQLSTATE 42601 at character \d+\)\. Fix config\.query\.$/,
    hiddenWrite: { query: (table) => `WITH gone AS (DELETE FROM ${table} RETURNING id) SELECT * FROM gone` },
    checkMessage: /^Connected to PostgreSQL at 127\.0\.0\.1:5432\/test as postgres: PostgreSQL \d+\.\d+\.$/,
  });

  describe('type mapping', () => {
    let db: TestDatabase;
    const table = uniqueTable('types');
    beforeAll(async () => {
      db = await postgresDatabase(url as string);
      await db.exec(`CREATE TABLE ${table} (id int, price numeric(20,4), big bigint, small smallint, ratio double precision, active boolean,
        at timestamp(6), at_tz timestamptz(6), day date, doc jsonb, raw bytea, note text, prices numeric[], span interval, ids uuid)`);
      await db.exec(`SET TIME ZONE 'Europe/Berlin'; INSERT INTO ${table} VALUES
        (1, 1234567890123456.7891, 9007199254740993, 7, 0.5, true, '2024-03-01 12:30:45.123456', '2024-03-01 14:30:45.5+02', '2024-03-01',
         '{"a": [1, "x"]}', '\\x48656c6c6f', 'Zoë', '{19.99,0.10}', '1 day 02:00:00', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'),
        (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`);
    });
    afterAll(async () => {
      await db?.exec(`DROP TABLE IF EXISTS ${table}`);
      await db?.close();
    });

    it('maps values to JSON: decimals and bigints as strings, times as ISO UTC, bytea as base64, NULL as null', async () => {
      const { outputs } = await readQuery({ driver: 'postgres', url }, { query: `SELECT * FROM ${table} ORDER BY id` });
      expect(outputs.records).toEqual([
        {
          id: 1, price: '1234567890123456.7891', big: '9007199254740993', small: 7, ratio: 0.5, active: true,
          at: '2024-03-01T12:30:45.123456Z', at_tz: '2024-03-01T12:30:45.5Z', day: '2024-03-01', doc: { a: [1, 'x'] },
          raw: 'SGVsbG8=', note: 'Zoë', prices: ['19.99', '0.10'], span: '1 day 02:00:00', ids: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
        },
        { id: 2, price: null, big: null, small: null, ratio: null, active: null, at: null, at_tz: null, day: null, doc: null, raw: null, note: null, prices: null, span: null, ids: null },
      ]);
    });
  });

  it('cancels a query that runs past statementTimeoutMs, with a retryable error', async () => {
    const error = await queryError({ driver: 'postgres', url, statementTimeoutMs: 300 }, { query: 'SELECT pg_sleep(3)' });
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ nodeId: 'rows', retryable: true, message: expect.stringMatching(/cancelled the query after the statement timeout \(300 ms\): .*Raise statementTimeoutMs/) });
  });

  describe('connection faults', () => {
    it('says the connection was refused, without the password', async () => {
      const config = { driver: 'postgres', url: refusedUrl(url as string) };
      const opening = openNode({ definition: sqlTransportNode, config, nodeId: 'db' });
      const error = await opening.catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(TransportError);
      expect(error).toMatchObject({ nodeId: 'db', retryable: true });
      expect((error as Error).message).toBe('node "db": cannot connect to PostgreSQL at 127.0.0.1:1/test as postgres: the connection was refused. Is the server running, and are the host and port in the URL right?');
      const result = await checkNode({ definition: sqlTransportNode, config });
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^cannot connect to .*refused/) });
      expect(result.message).not.toContain('never-show-this-pw');
    });

    it('says when the database does not exist', async () => {
      const missing = new URL(url as string);
      missing.pathname = '/no_such_database_here';
      const result = await checkNode({ definition: sqlTransportNode, config: { driver: 'postgres', url: missing.href } });
      expect(result).toMatchObject({ ok: false, details: { field: 'url' } });
      expect(result.message).toMatch(/database "no_such_database_here" does not exist \(SQLSTATE 3D000\)/);
    });
  });
});
