import type { Pool, PoolClient } from 'pg';
import type { PostgresTables } from './postgres-schema.ts';
import { markRunStale } from './run-records.ts';
import type { RunRecord } from './types.ts';

/** Run records in PostgreSQL: the record as a jsonb document, with the columns queries need beside it. */
export class PostgresRuns {
  constructor(private readonly tables: PostgresTables) {}

  /** Inserts or replaces a run. */
  async save(client: Pool | PoolClient, run: RunRecord): Promise<void> {
    await client.query(`INSERT INTO ${this.tables.runs} (id, flow_id, started_at, status, doc)
      VALUES ($1, $2, $3, $4, $5::jsonb)
      ON CONFLICT (id) DO UPDATE SET flow_id = excluded.flow_id, started_at = excluded.started_at,
        status = excluded.status, doc = excluded.doc`,
    [run.id, run.flowId, run.startedAt, run.status, JSON.stringify(run)]);
  }

  /** Deletes all but the newest `keep` runs of a flow, with their rejects. */
  async prune(client: PoolClient, flowId: string, keep: number): Promise<void> {
    await client.query(`WITH old AS (
        SELECT id FROM ${this.tables.runs} WHERE flow_id = $1 ORDER BY started_at DESC, id DESC OFFSET $2),
      gone AS (DELETE FROM ${this.tables.rejects} WHERE run_id IN (SELECT id FROM old))
      DELETE FROM ${this.tables.runs} WHERE id IN (SELECT id FROM old)`, [flowId, Math.max(0, Math.floor(keep))]);
  }

  /** One run, or undefined. */
  async get(pool: Pool, id: string): Promise<RunRecord | undefined> {
    const result = await pool.query<{ doc: RunRecord }>(`SELECT doc FROM ${this.tables.runs} WHERE id = $1`, [id]);
    return result.rows[0]?.doc;
  }

  /** A flow's runs, newest first. */
  async list(pool: Pool, flowId: string, limit: number): Promise<RunRecord[]> {
    const result = await pool.query<{ doc: RunRecord }>(`SELECT doc FROM ${this.tables.runs} WHERE flow_id = $1
      ORDER BY started_at DESC, id DESC LIMIT $2`, [flowId, limit]);
    return result.rows.map((row) => row.doc);
  }

  /** Closes the flow's `running` runs as failed, inside the caller's transaction; returns their ids. */
  async failRunning(client: PoolClient, flowId: string, message: string, now: Date): Promise<string[]> {
    const result = await client.query<{ doc: RunRecord }>(`SELECT doc FROM ${this.tables.runs}
      WHERE flow_id = $1 AND status = 'running' ORDER BY started_at, id FOR UPDATE`, [flowId]);
    const runs = result.rows.map((row) => markRunStale(row.doc, message, now));
    for (const run of runs) await this.save(client, run);
    return runs.map((run) => run.id);
  }

  /** Deletes every run of a flow. */
  async deleteFlow(client: PoolClient, flowId: string): Promise<void> {
    await client.query(`DELETE FROM ${this.tables.runs} WHERE flow_id = $1`, [flowId]);
  }
}
