import type Database from 'better-sqlite3';
import { stateJson } from './run-records.ts';
import type { NodeStateUpdate } from './types.ts';

/** Node state (connector cursors) per channel in SQLite. Callers run `write` inside their own transaction. */
export class SqliteNodeStates {
  private readonly upsert: Database.Statement<[string, string, string, string]>;
  private readonly select: Database.Statement<[string], { node_id: string; state: string }>;
  private readonly removeChannel: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    this.upsert = db.prepare<[string, string, string, string]>(`INSERT INTO node_states (channel, node_id, state, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (channel, node_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`);
    this.select = db.prepare<[string], { node_id: string; state: string }>('SELECT node_id, state FROM node_states WHERE channel = ?');
    this.removeChannel = db.prepare<[string]>('DELETE FROM node_states WHERE channel = ?');
  }

  /** Writes states; throws (so the caller's transaction rolls back) when one cannot be serialised. */
  write(channel: string, states: readonly NodeStateUpdate[], now: string): void {
    for (const { nodeId, state } of states) this.upsert.run(channel, nodeId, stateJson(state), now);
  }

  /** Every node's committed state for the channel, keyed by node id. */
  read(channel: string): Record<string, unknown> {
    const states: Record<string, unknown> = {};
    for (const row of this.select.all(channel)) states[row.node_id] = JSON.parse(row.state);
    return states;
  }

  /** Deletes the channel's states. */
  deleteChannel(channel: string): void {
    this.removeChannel.run(channel);
  }
}
