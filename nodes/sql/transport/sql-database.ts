import type { SqlDriverName } from './config-schema.ts';

/** One row, with values already mapped to JSON (decimals and bigints as strings, times as ISO 8601 UTC). */
export type SqlRow = Record<string, unknown>;

/** A read-only query to stream. */
export interface SqlStreamRequest {
  /** One read-only statement in the driver's placeholder style. */
  sql: string;
  params: unknown[];
  /** Rows per yielded batch. */
  batchSize: number;
  signal: AbortSignal;
  /** The node reading; errors name it. */
  nodeId: string;
}

/**
 * The resource `sql.transport` opens: a connection pool (or, for SQLite, a file) that streams the rows of
 * read-only queries in batches, inside a read-only transaction, never holding the whole result in memory.
 */
export interface SqlDatabase {
  readonly driver: SqlDriverName;
  /** Where the database is, safe to show: no password. For example `PostgreSQL at db:5432/shop as reader`. */
  readonly target: string;
  /** Streams the rows of `request.sql` in batches of at most `request.batchSize`. */
  stream(request: SqlStreamRequest): AsyncGenerator<SqlRow[]>;
  /** Connects and returns the server's name and version, for example `PostgreSQL 15.2`. */
  ping(signal: AbortSignal): Promise<string>;
  close(): Promise<void>;
}
