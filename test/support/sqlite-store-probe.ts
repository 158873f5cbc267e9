import path from 'node:path';
import Database from 'better-sqlite3';

/** What a crash test compares between two stores: every entity with its hash, duplicates, and node states. */
export interface StoreSnapshot {
  /** `type:originId:hash` of every entity of the channel, sorted. */
  entities: string[];
  /** Rows beyond one per (type, channel, originId): must be 0. */
  duplicates: number;
  /** Committed node states by node id, as stored (JSON text). */
  states: Record<string, string>;
}

/** Reads a SQLite store of a data directory read-only, while another process may still write it. */
export function snapshotSqliteStore(dataDir: string, channel: string): StoreSnapshot {
  const db = new Database(path.join(dataDir, 'tributary.db'), { readonly: true });
  try {
    const entities = db.prepare("SELECT type || ':' || origin_id || ':' || hash FROM entities WHERE channel = ? ORDER BY 1").pluck().all(channel) as string[];
    const duplicates = db.prepare('SELECT count(*) - count(DISTINCT type || channel || origin_id) FROM entities').pluck().get() as number;
    const rows = db.prepare('SELECT node_id, state FROM node_states WHERE channel = ?').all(channel) as { node_id: string; state: string }[];
    return { entities, duplicates, states: Object.fromEntries(rows.map((row) => [row.node_id, row.state])) };
  } finally {
    db.close();
  }
}

/** How many entities a data directory's store holds so far; 0 while the file does not exist yet. */
export function countStoredEntities(dataDir: string): number {
  try {
    const db = new Database(path.join(dataDir, 'tributary.db'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT count(*) FROM entities').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}
