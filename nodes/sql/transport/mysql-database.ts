import mysql, { type PoolConnection } from 'mysql2';
import type { SqlTransportConfig } from './config-schema.ts';
import { describeTarget } from './describe-target.ts';
import { isoToMysql } from './iso-time.ts';
import { mysqlTypeCast } from './mysql-types.ts';
import type { SqlDatabase, SqlRow, SqlStreamRequest } from './sql-database.ts';
import { connectFailure, queryFailure, type SqlBlame } from './sql-errors.ts';

/** The server's name and version from `VERSION()`: `MariaDB 10.11.6` or `MySQL 8.0.36`. */
function productVersion(version: string): string {
  const number = version.split('-')[0];
  return /mariadb/i.test(version) ? `MariaDB ${number}` : `MySQL ${number}`;
}

/**
 * A MySQL or MariaDB pool (mysql2). Each read sets the session to UTC and the statement timeout
 * (`max_statement_time` on MariaDB, `max_execution_time` on MySQL), opens `START TRANSACTION READ ONLY`
 * and streams the rows, pausing the connection while batches are handled downstream.
 */
export function openMysql(config: SqlTransportConfig, nodeId: string): SqlDatabase {
  const blame: SqlBlame = { nodeId, target: describeTarget('mysql', config.url, nodeId), statementTimeoutMs: config.statementTimeoutMs };
  const pool = mysql.createPool({
    uri: config.url,
    connectionLimit: config.poolSize,
    connectTimeout: config.connectTimeoutMs,
    dateStrings: true,
    timezone: 'Z',
    decimalNumbers: false,
    supportBigNumbers: true,
    bigNumberStrings: true,
    typeCast: mysqlTypeCast,
  });
  let version: Promise<string> | undefined;

  const connect = (): Promise<PoolConnection> =>
    new Promise((resolve, reject) => pool.getConnection((error, connection) => (error ? reject(connectFailure(error, blame)) : resolve(connection))));

  const serverVersion = (connection: PoolConnection): Promise<string> => {
    version ??= connection.promise().query('SELECT VERSION() AS version').then(([rows]) => String((rows as SqlRow[])[0].version));
    return version;
  };

  async function sessionSettings(connection: PoolConnection): Promise<string> {
    const timeout = /mariadb/i.test(await serverVersion(connection))
      ? `max_statement_time = ${config.statementTimeoutMs / 1000}`
      : `max_execution_time = ${config.statementTimeoutMs}`;
    return `SET SESSION time_zone = '+00:00', SESSION ${timeout}`;
  }

  async function* stream(request: SqlStreamRequest): AsyncGenerator<SqlRow[]> {
    const connection = await connect();
    let reusable = false;
    try {
      await connection.promise().query(await sessionSettings(connection));
      await connection.promise().query('START TRANSACTION READ ONLY');
      const rows = connection.query({ sql: request.sql, values: request.params.map(isoToMysql) }).stream({ highWaterMark: request.batchSize });
      let batch: SqlRow[] = [];
      for await (const row of rows) {
        batch.push(row as SqlRow);
        if (batch.length < request.batchSize) continue;
        yield batch;
        batch = [];
        request.signal.throwIfAborted();
      }
      if (batch.length > 0) yield batch;
      await connection.promise().query('ROLLBACK');
      reusable = true;
    } catch (error) {
      throw request.signal.aborted ? error : queryFailure(error, { ...blame, nodeId: request.nodeId });
    } finally {
      // A read stopped midway leaves rows on the wire: such a connection is dropped, not reused.
      if (reusable) connection.release();
      else connection.destroy();
    }
  }

  return {
    driver: 'mysql',
    target: blame.target,
    stream,
    async ping() {
      const connection = await connect();
      try {
        return productVersion(await serverVersion(connection));
      } finally {
        connection.release();
      }
    },
    close: () => new Promise<void>((resolve) => pool.end(() => resolve())),
  };
}
