import type { SqlTransportConfig } from './config-schema.ts';
import { openMysql } from './mysql-database.ts';
import { openPostgres } from './postgres-database.ts';
import type { SqlDatabase } from './sql-database.ts';
import { openSqlite } from './sqlite-database.ts';

/**
 * The database of a validated `sql.transport` config, for its driver. Nothing connects yet: pools connect
 * on first use.
 * @example const db = createDatabase({ driver: 'sqlite', url: 'data/shop.db', poolSize: 1, statementTimeoutMs: 0, connectTimeoutMs: 5000 }, 'db');
 */
export function createDatabase(config: SqlTransportConfig, nodeId: string): SqlDatabase {
  switch (config.driver) {
    case 'postgres':
      return openPostgres(config, nodeId);
    case 'mysql':
      return openMysql(config, nodeId);
    default:
      return openSqlite(config, nodeId);
  }
}
