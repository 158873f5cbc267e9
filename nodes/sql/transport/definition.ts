import type { CheckResult, TransportContext } from '../../contract/context.ts';
import { defineNode } from '../../contract/define-node.ts';
import { TributaryError } from '../../contract/errors.ts';
import { sqlTransportConfigSchema, type SqlTransportConfig } from './config-schema.ts';
import { createDatabase } from './open-database.ts';
import type { SqlDatabase } from './sql-database.ts';

/** Connects once (so a wrong URL fails when the run starts, not at the first read) and returns the database. */
async function openDatabase(ctx: TransportContext<SqlTransportConfig>): Promise<SqlDatabase> {
  const database = createDatabase(ctx.config, ctx.nodeId);
  try {
    await database.ping(ctx.signal);
    return database;
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

async function checkDatabase(ctx: TransportContext<SqlTransportConfig>): Promise<CheckResult> {
  let database: SqlDatabase | undefined;
  try {
    database = createDatabase(ctx.config, ctx.nodeId);
    const version = await database.ping(ctx.signal);
    return { ok: true, message: `Connected to ${database.target}: ${version}.`, details: { target: database.target, version } };
  } catch (error) {
    if (!(error instanceof TributaryError)) throw error;
    return { ok: false, message: error.message.replace(/^node "[^"]*": /, ''), details: { code: error.code, field: error.field } };
  } finally {
    await database?.close().catch(() => undefined);
  }
}

/**
 * `sql.transport`: a direct connection to PostgreSQL, MySQL/MariaDB or a SQLite file. Its resource is a
 * `SqlDatabase` that `sql.query` streams read-only queries through. The URL is a secret.
 */
export const sqlTransportNode = defineNode({
  type: 'sql.transport',
  version: 1,
  category: 'transport',
  channelType: 'sql',
  label: 'SQL database',
  description: 'A PostgreSQL, MySQL/MariaDB or SQLite database, read through a pool of connections.',
  config: sqlTransportConfigSchema,
  outputs: { transport: { socket: 'transport:sql', label: 'Database' } },
  open: openDatabase,
  close: (database: SqlDatabase) => database.close(),
  check: checkDatabase,
});
