import pg from 'pg';
import Cursor from 'pg-cursor';
import type { SqlTransportConfig } from './config-schema.ts';
import { describeTarget } from './describe-target.ts';
import { postgresTypes } from './postgres-types.ts';
import type { SqlDatabase, SqlRow, SqlStreamRequest } from './sql-database.ts';
import { connectFailure, queryFailure, type SqlBlame } from './sql-errors.ts';

/**
 * A PostgreSQL pool whose sessions run in UTC with Tributary's type parsers. Each read runs in
 * `BEGIN READ ONLY` through a server-side cursor (pg-cursor), fetching `batchSize` rows at a time; the
 * statement timeout applies to each fetch.
 */
export function openPostgres(config: SqlTransportConfig, nodeId: string): SqlDatabase {
  const blame: SqlBlame = { nodeId, target: describeTarget('postgres', config.url, nodeId), statementTimeoutMs: config.statementTimeoutMs };
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize,
    connectionTimeoutMillis: config.connectTimeoutMs,
    statement_timeout: config.statementTimeoutMs === 0 ? false : config.statementTimeoutMs,
    options: '-c TimeZone=UTC',
    application_name: 'tributary',
    types: postgresTypes,
  });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => undefined);

  const connect = async (): Promise<pg.PoolClient> => {
    try {
      return await pool.connect();
    } catch (error) {
      throw connectFailure(error, blame);
    }
  };

  async function* stream(request: SqlStreamRequest): AsyncGenerator<SqlRow[]> {
    const client = await connect();
    let healthy = true;
    try {
      await client.query('BEGIN READ ONLY');
      const cursor = client.query(new Cursor<SqlRow>(request.sql, request.params, { types: postgresTypes }));
      // Closed only when the reader stops early; after the last row or a failure the portal is already gone.
      let open = true;
      try {
        while (open) {
          request.signal.throwIfAborted();
          const rows = await cursor.read(request.batchSize).catch((error: unknown) => {
            open = false;
            throw error;
          });
          open = rows.length === request.batchSize;
          if (rows.length > 0) yield rows;
        }
      } finally {
        if (open) await cursor.close().catch(() => void (healthy = false));
      }
    } catch (error) {
      throw request.signal.aborted ? error : queryFailure(error, { ...blame, nodeId: request.nodeId });
    } finally {
      await client.query('ROLLBACK').catch(() => void (healthy = false));
      client.release(!healthy);
    }
  }

  return {
    driver: 'postgres',
    target: blame.target,
    stream,
    async ping() {
      const client = await connect();
      try {
        const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
        return `PostgreSQL ${rows[0].server_version.split(' ')[0]}`;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
