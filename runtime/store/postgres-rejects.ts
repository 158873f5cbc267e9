import type { Pool, PoolClient } from 'pg';
import { pageSize, toPage } from './page-cursor.ts';
import type { PostgresTables } from './postgres-schema.ts';
import { rejectWhere } from './reject-filter.ts';
import { rejectJson } from './run-records.ts';
import type { Page, RejectInputRecord, RejectQuery, RejectRecord } from './types.ts';

interface RejectRow {
  id: string;
  flow_id: string;
  run_id: string;
  node_id: string;
  reason: string;
  record: unknown;
  created_at: Date;
}

/** Rejected records in PostgreSQL, listed in the order they were rejected. */
export class PostgresRejects {
  constructor(private readonly tables: PostgresTables) {}

  /** Stores rejects of a run in one statement. */
  async add(pool: Pool, flowId: string, runId: string, rejects: readonly RejectInputRecord[]): Promise<void> {
    if (rejects.length === 0) return;
    const payload = `[${rejects.map((reject) => `{"node_id":${JSON.stringify(reject.nodeId)},`
      + `"reason":${JSON.stringify(reject.reason)},"record":${rejectJson(reject.record)}}`).join(',')}]`;
    await pool.query(`INSERT INTO ${this.tables.rejects} (flow_id, run_id, node_id, reason, record, created_at)
      SELECT $1, $2, r.item->>'node_id', r.item->>'reason', r.item->'record', $3
        FROM json_array_elements($4::json) WITH ORDINALITY AS r(item, n)
        ORDER BY r.n`, [flowId, runId, new Date(), payload]);
  }

  /** A page of rejects, filtered by flow and/or run. */
  async list(pool: Pool, query: RejectQuery): Promise<Page<RejectRecord>> {
    const limit = pageSize(query.limit);
    const where = rejectWhere(query, (index) => `$${index}`);
    const result = await pool.query<RejectRow>(`SELECT * FROM ${this.tables.rejects} ${where.sql}
      ORDER BY id LIMIT $${where.params.length + 1}`, [...where.params, limit + 1]);
    return toPage(result.rows.map(toRecord), limit, (reject) => [reject.id]);
  }

  /** Deletes every reject of a flow. */
  async deleteFlow(client: PoolClient, flowId: string): Promise<void> {
    await client.query(`DELETE FROM ${this.tables.rejects} WHERE flow_id = $1`, [flowId]);
  }
}

function toRecord(row: RejectRow): RejectRecord {
  return {
    id: Number(row.id),
    flowId: row.flow_id,
    runId: row.run_id,
    nodeId: row.node_id,
    reason: row.reason,
    record: row.record,
    createdAt: row.created_at.toISOString(),
  };
}
