import Database from 'better-sqlite3';
import { ConfigError } from '../../contract/errors.ts';
import type { SqlTransportConfig } from './config-schema.ts';
import { describeTarget, sqliteFile } from './describe-target.ts';
import type { SqlDatabase, SqlRow, SqlStreamRequest } from './sql-database.ts';
import { connectFailure, queryFailure, type SqlBlame } from './sql-errors.ts';

/** A SQLite value as JSON: integers beyond 2^53 as strings, blobs as base64, the rest as stored. */
function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return value;
}

function toJsonRow(row: SqlRow): SqlRow {
  for (const key in row) row[key] = toJsonValue(row[key]);
  return row;
}

/**
 * A SQLite file opened read-only (better-sqlite3), one handle per read so reads never share an open
 * statement. Rows are iterated lazily and yielded in batches; values are as stored, except integers
 * beyond 2^53 (as strings) and blobs (as base64). SQLite has no statement timeout.
 */
export function openSqlite(config: SqlTransportConfig, nodeId: string): SqlDatabase {
  const file = sqliteFile(config.url);
  const blame: SqlBlame = { nodeId, target: describeTarget('sqlite', config.url, nodeId), statementTimeoutMs: 0 };
  const openFile = (): Database.Database => {
    try {
      return new Database(file, { readonly: true, fileMustExist: true, timeout: config.connectTimeoutMs });
    } catch (error) {
      throw connectFailure(error, blame);
    }
  };

  async function* stream(request: SqlStreamRequest): AsyncGenerator<SqlRow[]> {
    const db = openFile();
    try {
      const statement = db.prepare(request.sql);
      if (!statement.reader) {
        throw new ConfigError(`node "${request.nodeId}": the query returns no rows, so it is not a read; sql.query only reads.`, { nodeId: request.nodeId, field: 'query' });
      }
      statement.safeIntegers(true);
      let batch: SqlRow[] = [];
      for (const row of statement.iterate(...request.params) as IterableIterator<SqlRow>) {
        batch.push(toJsonRow(row));
        if (batch.length < request.batchSize) continue;
        yield batch;
        batch = [];
        request.signal.throwIfAborted();
      }
      if (batch.length > 0) yield batch;
    } catch (error) {
      throw request.signal.aborted ? error : queryFailure(error, { ...blame, nodeId: request.nodeId });
    } finally {
      db.close();
    }
  }

  return {
    driver: 'sqlite',
    target: blame.target,
    stream,
    async ping() {
      const db = openFile();
      try {
        return `SQLite ${String(db.prepare('SELECT sqlite_version()').pluck().get())}`;
      } finally {
        db.close();
      }
    },
    close: async () => undefined,
  };
}
