import { statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** The entities table of a hand-written baseline: the runtime's SQLite schema and upsert, nothing else. */
export interface BaselineTable {
  db: Database.Database;
  /** Inserts or updates one entity; an unchanged hash leaves the row alone, as the runtime's store does. */
  upsert(type: string, channel: string, originId: string, json: string, hash: string, searchText: string, now: string): void;
  /** Closes the database and returns the file's size in bytes. */
  close(): number;
}

/** Creates `<dataDir>/baseline.db` in WAL mode with the entities table and a prepared upsert. */
export function openBaselineTable(dataDir: string): BaselineTable {
  const file = path.join(dataDir, 'baseline.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE entities (id INTEGER PRIMARY KEY, type TEXT NOT NULL, channel TEXT NOT NULL, origin_id TEXT NOT NULL,
    data TEXT NOT NULL, hash TEXT NOT NULL, search_text TEXT NOT NULL, first_seen_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    run_id TEXT NOT NULL); CREATE UNIQUE INDEX entities_key ON entities (type, channel, origin_id);`);
  const statement = db.prepare(`INSERT INTO entities (type, channel, origin_id, data, hash, search_text, first_seen_at, updated_at, run_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'run') ON CONFLICT (type, channel, origin_id) DO UPDATE SET data = excluded.data,
    hash = excluded.hash, search_text = excluded.search_text, updated_at = excluded.updated_at, run_id = excluded.run_id
    WHERE entities.hash <> excluded.hash RETURNING id`).pluck();
  return {
    db,
    upsert: (type, channel, originId, json, hash, searchText, now) => {
      statement.get(type, channel, originId, json, hash, searchText, now, now);
    },
    close: () => (db.close(), statSync(file).size),
  };
}
