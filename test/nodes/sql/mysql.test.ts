import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransportError } from '../../../nodes/contract/errors.ts';
import { sqlTransportNode } from '../../../nodes/sql/transport/definition.ts';
import { checkNode, openNode } from '../../../runtime/testing/index.ts';
import { refusedUrl, serviceUrl, uniqueTable } from './sql-services.ts';
import { describeSqlSuite } from './sql-suite.ts';
import { queryError, readQuery } from './sql-harness.ts';
import { mysqlDatabase, type TestDatabase } from './test-database.ts';

const url = serviceUrl('TEST_MYSQL_URL', 'mysql://root@127.0.0.1:3306/test');

describe.skipIf(!url)('sql on MySQL/MariaDB', () => {
  describeSqlSuite(() => mysqlDatabase(url as string), {
    timestampType: 'DATETIME(6)',
    timestamp: (second) => new Date(Date.UTC(2024, 0, 1) + second * 1000).toISOString().replace('T', ' ').replace(/\.000Z$/, ''),
    cursorIsNull: ':cursor IS NULL',
    hiddenWrite: {
      setup: (table) => `CREATE FUNCTION ${table}_purge() RETURNS INT MODIFIES SQL DATA BEGIN DELETE FROM ${table}; RETURN 1; END`,
      query: (table) => `SELECT ${table}_purge() AS purged`,
      cleanup: (table) => `DROP FUNCTION IF EXISTS ${table}_purge`,
    },
    syntaxMessage: /You have an error in your SQL syntax.* \(SQLSTATE 42000\)\. Fix config\.query\.$/,
    checkMessage: /^Connected to MySQL\/MariaDB at 127\.0\.0\.1:3306\/test as root: (MariaDB|MySQL) \d+\.\d+\.\d+\.$/,
  });

  describe('type mapping', () => {
    let db: TestDatabase;
    const table = uniqueTable('types');
    beforeAll(async () => {
      db = await mysqlDatabase(url as string);
      await db.exec(`CREATE TABLE ${table} (id INT, price DECIMAL(20,4), big BIGINT, ratio DOUBLE, active TINYINT(1), level TINYINT,
        at DATETIME(6), stamped TIMESTAMP(6) NULL, day DATE, doc JSON, raw VARBINARY(16), note TEXT)`);
      await db.exec(`SET time_zone = '+02:00'; INSERT INTO ${table} VALUES
        (1, 1234567890123456.7891, 9007199254740993, 0.5, 1, 7, '2024-03-01 12:30:45.123456', '2024-03-01 14:30:45.5', '2024-03-01',
         '{"a": [1, "x"]}', X'48656c6c6f', 'Zoë'),
        (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`);
    });
    afterAll(async () => {
      await db?.exec(`DROP TABLE IF EXISTS ${table}`);
      await db?.close();
    });

    it('maps values to JSON: decimals and bigints as strings, times as ISO UTC, binary as base64, NULL as null', async () => {
      const { outputs } = await readQuery({ driver: 'mysql', url }, { query: `SELECT * FROM ${table} ORDER BY id` });
      expect(outputs.records).toEqual([
        {
          id: 1, price: '1234567890123456.7891', big: '9007199254740993', ratio: 0.5, active: true, level: 7,
          at: '2024-03-01T12:30:45.123456Z', stamped: '2024-03-01T12:30:45.500000Z', day: '2024-03-01', doc: { a: [1, 'x'] },
          raw: 'SGVsbG8=', note: 'Zoë',
        },
        { id: 2, price: null, big: null, ratio: null, active: null, level: null, at: null, stamped: null, day: null, doc: null, raw: null, note: null },
      ]);
    });
  });

  it('cancels a query that runs past statementTimeoutMs, with a retryable error', async () => {
    const error = await queryError({ driver: 'mysql', url, statementTimeoutMs: 300 }, { query: 'SELECT SLEEP(3) AS slept' });
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ nodeId: 'rows', retryable: true, message: expect.stringMatching(/cancelled the query after the statement timeout \(300 ms\): .*Raise statementTimeoutMs/) });
  });

  describe('connection faults', () => {
    it('says the connection was refused, without the password', async () => {
      const config = { driver: 'mysql', url: refusedUrl(url as string) };
      const error = await openNode({ definition: sqlTransportNode, config, nodeId: 'db' }).catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(TransportError);
      expect(error).toMatchObject({ nodeId: 'db', retryable: true });
      expect((error as Error).message).toBe('node "db": cannot connect to MySQL/MariaDB at 127.0.0.1:1/test as root: the connection was refused. Is the server running, and are the host and port in the URL right?');
      const result = await checkNode({ definition: sqlTransportNode, config });
      expect(result.ok).toBe(false);
      expect(result.message).not.toContain('never-show-this-pw');
    });
  });
});
