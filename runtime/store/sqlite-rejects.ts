import type Database from 'better-sqlite3';
import { pageSize, toPage } from './page-cursor.ts';
import { rejectWhere } from './reject-filter.ts';
import { rejectJson } from './run-records.ts';
import type { Page, RejectInputRecord, RejectQuery, RejectRecord } from './types.ts';
import { SqliteStatementCache } from './sqlite-statement-cache.ts';

interface RejectRow {
  id: number;
  flow_id: string;
  run_id: string;
  node_id: string;
  reason: string;
  record: string;
  created_at: string;
}

type InsertParams = [string, string, string, string, string, string];

/** Rejected records in SQLite, listed in the order they were rejected. */
export class SqliteRejects {
  private readonly insert: Database.Statement<InsertParams>;
  private readonly removeFlow: Database.Statement<[string]>;
  private readonly pages: SqliteStatementCache<(string | number)[], RejectRow>;

  constructor(db: Database.Database) {
    this.pages = new SqliteStatementCache(db);
    this.insert = db.prepare<InsertParams>(
      'INSERT INTO rejects (flow_id, run_id, node_id, reason, record, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.removeFlow = db.prepare<[string]>('DELETE FROM rejects WHERE flow_id = ?');
  }

  /** Stores rejects of a run. Run inside a transaction. */
  add(flowId: string, runId: string, rejects: readonly RejectInputRecord[], now: string): void {
    for (const reject of rejects) {
      this.insert.run(flowId, runId, reject.nodeId, reject.reason, rejectJson(reject.record), now);
    }
  }

  /** A page of rejects, filtered by flow and/or run. */
  list(query: RejectQuery): Page<RejectRecord> {
    const limit = pageSize(query.limit);
    const where = rejectWhere(query, () => '?');
    const sql = `SELECT * FROM rejects ${where.sql} ORDER BY id LIMIT ?`;
    return toPage(this.pages.get(sql).all(...where.params, limit + 1).map(toRecord), limit, (reject) => [reject.id]);
  }

  /** Deletes every reject of a flow. */
  deleteFlow(flowId: string): void {
    this.removeFlow.run(flowId);
  }
}

function toRecord(row: RejectRow): RejectRecord {
  return {
    id: row.id,
    flowId: row.flow_id,
    runId: row.run_id,
    nodeId: row.node_id,
    reason: row.reason,
    record: JSON.parse(row.record) as unknown,
    createdAt: row.created_at,
  };
}
