import type { Pool, PoolClient } from 'pg';
import type { PostgresTables } from './postgres-schema.ts';
import { stateJson } from './run-records.ts';
import type { NodeStateUpdate } from './types.ts';

/** Node state (connector cursors) per channel in PostgreSQL. */
export class PostgresNodeStates {
  constructor(private readonly tables: PostgresTables) {}

  /** Writes states inside the caller's transaction; throws when one cannot be serialised. */
  async write(client: PoolClient, channel: string, states: readonly NodeStateUpdate[], now: Date): Promise<void> {
    for (const { nodeId, state } of states) {
      await client.query(`INSERT INTO ${this.tables.nodeStates} (channel, node_id, state, updated_at)
        VALUES ($1, $2, $3::jsonb, $4)
        ON CONFLICT (channel, node_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      [channel, nodeId, stateJson(state), now]);
    }
  }

  /** Every node's committed state for the channel, keyed by node id. */
  async read(pool: Pool, channel: string): Promise<Record<string, unknown>> {
    const result = await pool.query<{ node_id: string; state: unknown }>(
      `SELECT node_id, state FROM ${this.tables.nodeStates} WHERE channel = $1`, [channel]);
    return Object.fromEntries(result.rows.map((row) => [row.node_id, row.state]));
  }

  /** Deletes the channel's states. */
  async deleteChannel(client: PoolClient, channel: string): Promise<void> {
    await client.query(`DELETE FROM ${this.tables.nodeStates} WHERE channel = $1`, [channel]);
  }
}
