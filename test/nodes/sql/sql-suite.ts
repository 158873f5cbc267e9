import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../nodes/contract/errors.ts';
import { sqlTransportNode } from '../../../nodes/sql/transport/definition.ts';
import type { SqlDatabase, SqlRow } from '../../../nodes/sql/transport/sql-database.ts';
import { checkNode, openNode } from '../../../runtime/testing/index.ts';
import { uniqueTable } from './sql-services.ts';
import { queryError, readQuery } from './sql-harness.ts';
import type { TestDatabase } from './test-database.ts';

/** How the shared tests phrase things for one database. */
export interface SuiteDialect {
  /** Column type of `updated_at`. */
  timestampType: string;
  /** How `updated_at` values are written: `2024-01-01 00:00:05` or ISO. */
  timestamp(second: number): string;
  /** A condition true on the first run, when :cursor is NULL (PostgreSQL needs a cast to type it). */
  cursorIsNull: string;
  /** What the database says about `SELECT id FROM t WHERE`. */
  syntaxMessage: RegExp;
  /** A statement that starts like a read but writes (with its setup and cleanup): the read-only transaction must refuse it. */
  hiddenWrite: { setup?(table: string): string; query(table: string): string; cleanup?(table: string): string };
  /** What check() says after "Connected to ...". */
  checkMessage: RegExp;
}

const ROWS = 1200;
const ids = (records: unknown[] | undefined) => (records ?? []).map((record) => Number((record as SqlRow).id));

/** The tests every driver passes: full and incremental reads, batching, refusals, errors and check(). */
export function describeSqlSuite(open: () => Promise<TestDatabase>, dialect: SuiteDialect): void {
  let db: TestDatabase;
  const table = uniqueTable();
  const transport = () => ({ driver: db.driver, url: db.url, poolSize: 1 });
  const incremental = () => ({
    query: `SELECT id, name, updated_at FROM ${table} WHERE ${dialect.cursorIsNull} OR updated_at > :cursor ORDER BY updated_at, id`,
    cursorColumn: 'updated_at',
  });

  beforeAll(async () => {
    db = await open();
    await db.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, name VARCHAR(100), amount DECIMAL(12,2), updated_at ${dialect.timestampType})`);
    const values = Array.from({ length: ROWS }, (_, i) => `(${i + 1}, 'Person ${i + 1}', ${i + 1}.25, '${dialect.timestamp(i + 1)}')`);
    await db.exec(`INSERT INTO ${table} (id, name, amount, updated_at) VALUES ${values.join(', ')}`);
  });
  afterAll(async () => {
    await db?.exec(`DROP TABLE IF EXISTS ${table}`);
    await db?.close();
  });

  describe('reads', () => {
    it('streams every row in batches of the batch size', async () => {
      const { outputs, batches, states } = await readQuery(transport(), { query: `SELECT * FROM ${table} ORDER BY id` }, { batchSize: 500 });
      expect(batches.map((batch) => batch.records.length)).toEqual([500, 500, 200]);
      expect(ids(outputs.records)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
      expect(states).toEqual([]);
    });

    it('reads incrementally: a second run reads only rows past the cursor; a full run everything', async () => {
      const first = await readQuery(transport(), incremental(), { batchSize: 500 });
      expect(first.outputs.records).toHaveLength(ROWS);
      expect(first.states).toHaveLength(3);
      const saved = first.states.at(-1) as { cursor: string };
      expect(Date.parse(saved.cursor)).toBe(Date.parse(`${dialect.timestamp(ROWS).replace(' ', 'T').replace(/Z?$/, 'Z')}`));

      await db.exec(`UPDATE ${table} SET updated_at = '${dialect.timestamp(ROWS + 10)}' WHERE id IN (3, 7)`);
      await db.exec(`INSERT INTO ${table} (id, name, amount, updated_at) VALUES (${ROWS + 1}, 'New', 1.00, '${dialect.timestamp(ROWS + 20)}')`);
      const second = await readQuery(transport(), incremental(), { state: saved });
      expect(ids(second.outputs.records)).toEqual([3, 7, ROWS + 1]);
      expect(Date.parse((second.states.at(-1) as { cursor: string }).cursor)).toBe(Date.parse(`${dialect.timestamp(ROWS + 20).replace(' ', 'T').replace(/Z?$/, 'Z')}`));

      const full = await readQuery(transport(), incremental(), { state: saved, full: true });
      expect(full.outputs.records).toHaveLength(ROWS + 1);
    });

    it('binds initialCursor on the first run', async () => {
      const { outputs } = await readQuery(transport(), { ...incremental(), initialCursor: dialect.timestamp(ROWS - 2) });
      expect(ids(outputs.records)).toEqual([ROWS - 1, ROWS, 3, 7, ROWS + 1]);
    });

    it('refuses rows out of cursor order, and a cursor column the result lacks', async () => {
      const descending = await queryError(transport(), { ...incremental(), query: `SELECT id, updated_at FROM ${table} WHERE ${dialect.cursorIsNull} OR updated_at > :cursor ORDER BY updated_at DESC` });
      expect(descending).toMatchObject({ code: 'config_invalid', field: 'query', message: expect.stringMatching(/not in ascending updated_at order/) });
      const missing = await queryError(transport(), { ...incremental(), cursorColumn: 'changed_at' });
      expect(missing).toMatchObject({ field: 'cursorColumn', message: expect.stringMatching(/"changed_at" is not a column of the result \(columns: id, name, updated_at\)/) });
    });

    it('releases its connection when the reader stops early', async () => {
      const opened = await openNode<SqlDatabase>({ definition: sqlTransportNode, config: transport() });
      try {
        const signal = new AbortController().signal;
        for await (const rows of opened.resource.stream({ sql: `SELECT * FROM ${table} ORDER BY id`, params: [], batchSize: 10, signal, nodeId: 'rows' })) {
          expect(rows).toHaveLength(10);
          break;
        }
        let count = 0;
        for await (const rows of opened.resource.stream({ sql: `SELECT id FROM ${table}`, params: [], batchSize: 1000, signal, nodeId: 'rows' })) count += rows.length;
        expect(count).toBe(ROWS + 1);
      } finally {
        await opened.close();
      }
    });
  });

  describe('refusals and errors', () => {
    it.each(['DELETE FROM {t}', 'UPDATE {t} SET name = NULL', 'SELECT 1; DELETE FROM {t}', 'DROP TABLE {t}'])('refuses "%s" without running it', async (sql) => {
      const error = await queryError(transport(), { query: sql.replace('{t}', table) });
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toMatchObject({ nodeId: 'rows', field: 'query', message: expect.stringMatching(/^node "rows": sql\.query only reads, and refuses this query: it (is a \w+ statement|holds more than one statement)/) });
      const { outputs } = await readQuery(transport(), { query: `SELECT COUNT(*) AS n FROM ${table}` });
      expect(Number((outputs.records[0] as SqlRow).n)).toBe(ROWS + 1);
    });

    it('lets the read-only transaction refuse a write the keyword check cannot see', async () => {
      const { setup, query, cleanup } = dialect.hiddenWrite;
      if (setup) await db.exec(setup(table));
      try {
        const error = await queryError(transport(), { query: query(table) });
        expect(error).toMatchObject({ code: 'config_invalid', field: 'query' });
        expect(error.message).toMatch(/tried to write|returns no rows/);
      } finally {
        if (cleanup) await db.exec(cleanup(table));
      }
      const { outputs } = await readQuery(transport(), { query: `SELECT COUNT(*) AS n FROM ${table}` });
      expect(Number((outputs.records[0] as SqlRow).n)).toBe(ROWS + 1);
    });

    it('shows the database\'s own message for a syntax error, naming the node', async () => {
      const error = await queryError(transport(), { query: `SELECT id FROM ${table} WHERE` });
      expect(error).toMatchObject({ code: 'config_invalid', nodeId: 'rows', field: 'query' });
      expect(error.message).toMatch(/^node "rows": .* refused the query: /);
      expect(error.message).toMatch(dialect.syntaxMessage);
    });

    it('check() says it connected, and to what', async () => {
      const result = await checkNode({ definition: sqlTransportNode, config: transport() });
      expect(result.ok).toBe(true);
      expect(result.message).toMatch(dialect.checkMessage);
    });
  });
}
