import type { SourceBatch } from '../../contract/batch.ts';
import type { ProcessContext } from '../../contract/context.ts';
import { ConfigError } from '../../contract/errors.ts';
import type { SqlDatabase, SqlRow } from '../transport/sql-database.ts';
import { bindCursor, usesCursor, type BoundQuery } from './bind-cursor.ts';
import type { SqlQueryConfig, SqlQueryState } from './config-schema.ts';
import { compareKnown } from './cursor-order.ts';
import { readOnlyStatement } from './read-only-statement.ts';

type QueryContext = ProcessContext<SqlQueryConfig>;

/** The statement with `:cursor` bound to the saved cursor, `initialCursor` or NULL; checks the two settings agree. */
function boundQuery(ctx: QueryContext, statement: string, db: SqlDatabase): BoundQuery {
  const { cursorColumn, initialCursor } = ctx.config;
  const hasParameter = usesCursor(statement, db.driver);
  if (cursorColumn && !hasParameter) {
    throw new ConfigError(`node "${ctx.nodeId}": cursorColumn is set but the query has no :cursor; add a condition such as "WHERE ${cursorColumn} > :cursor ORDER BY ${cursorColumn}".`, { nodeId: ctx.nodeId, field: 'query' });
  }
  if (hasParameter && !cursorColumn) {
    throw new ConfigError(`node "${ctx.nodeId}": the query uses :cursor but cursorColumn is not set; name the column whose last value the next run continues from.`, { nodeId: ctx.nodeId, field: 'cursorColumn' });
  }
  if (!hasParameter) return { sql: statement, params: [] };
  const saved = ctx.full ? undefined : (ctx.state as Partial<SqlQueryState> | undefined)?.cursor;
  return bindCursor(statement, db.driver, saved ?? initialCursor ?? null);
}

/** Follows the cursor column through the rows: its last value, checking it never goes down. */
function cursorFollower(ctx: QueryContext, column: string) {
  let last: string | number | undefined;
  return {
    get last() {
      return last;
    },
    see(rows: SqlRow[]): void {
      if (last === undefined && !(column in rows[0])) {
        throw new ConfigError(`node "${ctx.nodeId}": cursorColumn "${column}" is not a column of the result (columns: ${Object.keys(rows[0]).join(', ')}).`, { nodeId: ctx.nodeId, field: 'cursorColumn' });
      }
      for (const row of rows) {
        const value = row[column];
        if (value === null || value === undefined) continue;
        if (typeof value !== 'string' && typeof value !== 'number') {
          throw new ConfigError(`node "${ctx.nodeId}": cursorColumn "${column}" holds ${typeof value} values; use a number, text, date or timestamp column.`, { nodeId: ctx.nodeId, field: 'cursorColumn' });
        }
        if (last !== undefined && (compareKnown(value, last) ?? 0) < 0) {
          throw new ConfigError(`node "${ctx.nodeId}": rows are not in ascending ${column} order (${JSON.stringify(value)} came after ${JSON.stringify(last)}); add "ORDER BY ${column}" to the query so no row is skipped on the next run.`, { nodeId: ctx.nodeId, field: 'query' });
        }
        last = value;
      }
    },
  };
}

/**
 * Streams a read-only query through the wired `sql.transport` in batches of `batchSize` (else the flow's
 * batch size). With `cursorColumn`, `:cursor` is bound to the last run's cursor (or `initialCursor`, or
 * NULL) and each batch carries the cursor column's value in its last row as the new state.
 */
export async function* readQuery(ctx: QueryContext): AsyncGenerator<SourceBatch<SqlRow, SqlQueryState>> {
  const db = ctx.transport<SqlDatabase>('transport');
  const statement = readOnlyStatement(ctx.config.query, db.driver, ctx.nodeId);
  const query = boundQuery(ctx, statement, db);
  const column = ctx.config.cursorColumn;
  const cursor = column ? cursorFollower(ctx, column) : undefined;
  const batchSize = ctx.config.batchSize ?? ctx.batchSize;
  for await (const rows of db.stream({ ...query, batchSize, signal: ctx.signal, nodeId: ctx.nodeId })) {
    cursor?.see(rows);
    yield cursor?.last !== undefined ? { records: rows, state: { cursor: cursor.last } } : { records: rows };
  }
}
