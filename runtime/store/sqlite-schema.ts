import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** The SQLite schema version this code writes (`PRAGMA user_version`). */
export const SQLITE_SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS entities (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  channel TEXT NOT NULL,
  origin_id TEXT NOT NULL,
  data TEXT NOT NULL,
  hash TEXT NOT NULL,
  search_text TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  run_id TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS entities_key ON entities (type, channel, origin_id);
CREATE INDEX IF NOT EXISTS entities_channel ON entities (channel, type);

CREATE TABLE IF NOT EXISTS node_states (
  channel TEXT NOT NULL,
  node_id TEXT NOT NULL,
  state TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (channel, node_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS runs (
  id TEXT PRIMARY KEY,
  flow_id TEXT NOT NULL,
  started_at TEXT NOT NULL,
  status TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_flow ON runs (flow_id, started_at DESC, id DESC);

CREATE TABLE IF NOT EXISTS rejects (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  flow_id TEXT NOT NULL,
  run_id TEXT NOT NULL,
  node_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  record TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS rejects_flow ON rejects (flow_id, id);
CREATE INDEX IF NOT EXISTS rejects_run ON rejects (run_id, id);

CREATE TABLE IF NOT EXISTS leases (
  flow_id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
`;

/**
 * Opens (creating when needed) the database file with the settings the store relies on: WAL, so readers never
 * wait for the writer; `synchronous = NORMAL`, durable across process crashes and fast enough for batched writes;
 * a busy timeout so two processes sharing the file wait for each other instead of failing.
 *
 * @example const db = openSqliteDatabase('./data/tributary.db')
 */
export function openSqliteDatabase(filename: string): Database.Database {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const db = new Database(filename, { timeout: 10_000 });
  if (filename !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

/** Creates the tables and indexes when missing and stamps the schema version. Idempotent. */
export function createSqliteSchema(db: Database.Database): void {
  db.transaction(() => {
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION}`);
  }).immediate();
}
