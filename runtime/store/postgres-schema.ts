import type { Pool } from 'pg';
import { ConfigError } from '../../nodes/contract/errors.ts';
import { withTransaction } from './postgres-transaction.ts';

/** Qualified table names of one Tributary schema. */
export interface PostgresTables {
  /** Quoted schema name, or undefined to use the connection's search_path. */
  schema?: string;
  entities: string;
  nodeStates: string;
  runs: string;
  rejects: string;
  leases: string;
}

/**
 * Table names inside `schema` (quoted), or unqualified when no schema is given.
 * Throws a `ConfigError` for a schema name that is not a plain identifier.
 *
 * @example postgresTables('tributary_test').entities // '"tributary_test".entities'
 */
export function postgresTables(schema?: string): PostgresTables {
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new ConfigError(`"${schema}" is not a usable PostgreSQL schema name: use letters, digits and underscores.`, {
      field: 'schema',
    });
  }
  const quoted = schema === undefined ? undefined : `"${schema}"`;
  const name = (table: string): string => (quoted ? `${quoted}.${table}` : table);
  return {
    schema: quoted,
    entities: name('entities'),
    nodeStates: name('node_states'),
    runs: name('runs'),
    rejects: name('rejects'),
    leases: name('leases'),
  };
}

function schemaStatements(t: PostgresTables): string[] {
  return [
    ...(t.schema ? [`CREATE SCHEMA IF NOT EXISTS ${t.schema}`] : []),
    // "C" collation: the same channel/origin id order as SQLite, whatever the database's locale.
    `CREATE TABLE IF NOT EXISTS ${t.entities} (
      type text COLLATE "C" NOT NULL, channel text COLLATE "C" NOT NULL, origin_id text COLLATE "C" NOT NULL,
      data jsonb NOT NULL, hash text NOT NULL, search_text text NOT NULL,
      first_seen_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, run_id text NOT NULL,
      PRIMARY KEY (type, channel, origin_id))`,
    `CREATE INDEX IF NOT EXISTS entities_channel ON ${t.entities} (channel, type)`,
    `CREATE TABLE IF NOT EXISTS ${t.nodeStates} (
      channel text NOT NULL, node_id text NOT NULL, state jsonb NOT NULL, updated_at timestamptz NOT NULL,
      PRIMARY KEY (channel, node_id))`,
    `CREATE TABLE IF NOT EXISTS ${t.runs} (
      id text PRIMARY KEY, flow_id text NOT NULL, started_at timestamptz NOT NULL, status text NOT NULL,
      doc jsonb NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS runs_flow ON ${t.runs} (flow_id, started_at DESC, id DESC)`,
    // json, not jsonb: a rejected record may hold text jsonb refuses (\u0000), and it is only ever read back whole.
    `CREATE TABLE IF NOT EXISTS ${t.rejects} (
      id bigserial PRIMARY KEY, flow_id text NOT NULL, run_id text NOT NULL, node_id text NOT NULL,
      reason text NOT NULL, record json NOT NULL, created_at timestamptz NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS rejects_flow ON ${t.rejects} (flow_id, id)`,
    `CREATE INDEX IF NOT EXISTS rejects_run ON ${t.rejects} (run_id, id)`,
    `CREATE TABLE IF NOT EXISTS ${t.leases} (flow_id text PRIMARY KEY, owner text NOT NULL, expires_at bigint NOT NULL)`,
  ];
}

/**
 * Creates the schema, tables and indexes when missing. Idempotent, and safe when several processes start at
 * once: an advisory lock makes them take turns.
 */
export async function createPostgresSchema(pool: Pool, tables: PostgresTables): Promise<void> {
  await withTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('tributary:schema'))");
    for (const statement of schemaStatements(tables)) await client.query(statement);
  });
}
