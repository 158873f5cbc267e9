import type Database from 'better-sqlite3';
import { markRunStale } from './run-records.ts';
import type { RunRecord } from './types.ts';

type RunRow = [string, string, string, string, string];

/** Run records in SQLite: the record as a JSON document, with the columns queries need beside it. */
export class SqliteRuns {
  private readonly upsert: Database.Statement<RunRow>;
  private readonly selectOne: Database.Statement<[string], string>;
  private readonly selectFlow: Database.Statement<[string, number], string>;
  private readonly selectRunning: Database.Statement<[string], string>;
  private readonly pruneRejects: Database.Statement<[string, number]>;
  private readonly pruneRuns: Database.Statement<[string, number]>;
  private readonly removeFlow: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    this.upsert = db.prepare<RunRow>(`INSERT INTO runs (id, flow_id, started_at, status, doc) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET flow_id = excluded.flow_id, started_at = excluded.started_at,
        status = excluded.status, doc = excluded.doc`);
    this.selectOne = db.prepare<[string], string>('SELECT doc FROM runs WHERE id = ?').pluck();
    this.selectFlow = db.prepare<[string, number], string>(
      'SELECT doc FROM runs WHERE flow_id = ? ORDER BY started_at DESC, id DESC LIMIT ?').pluck();
    this.selectRunning = db.prepare<[string], string>(
      "SELECT doc FROM runs WHERE flow_id = ? AND status = 'running' ORDER BY started_at, id").pluck();
    const older = 'SELECT id FROM runs WHERE flow_id = ? ORDER BY started_at DESC, id DESC LIMIT -1 OFFSET ?';
    this.pruneRejects = db.prepare<[string, number]>(`DELETE FROM rejects WHERE run_id IN (${older})`);
    this.pruneRuns = db.prepare<[string, number]>(`DELETE FROM runs WHERE id IN (${older})`);
    this.removeFlow = db.prepare<[string]>('DELETE FROM runs WHERE flow_id = ?');
  }

  /** Inserts or replaces a run. */
  save(run: RunRecord): void {
    this.upsert.run(run.id, run.flowId, run.startedAt, run.status, JSON.stringify(run));
  }

  /** Deletes all but the newest `keep` runs of a flow, with their rejects. */
  prune(flowId: string, keep: number): void {
    const offset = Math.max(0, Math.floor(keep));
    this.pruneRejects.run(flowId, offset);
    this.pruneRuns.run(flowId, offset);
  }

  /** One run, or undefined. */
  get(id: string): RunRecord | undefined {
    const doc = this.selectOne.get(id);
    return doc === undefined ? undefined : (JSON.parse(doc) as RunRecord);
  }

  /** A flow's runs, newest first. */
  list(flowId: string, limit: number): RunRecord[] {
    return this.selectFlow.all(flowId, limit).map((doc) => JSON.parse(doc) as RunRecord);
  }

  /** Closes the flow's `running` runs as failed; returns their ids. Run inside a transaction. */
  failRunning(flowId: string, message: string, now: Date): string[] {
    const runs = this.selectRunning.all(flowId).map((doc) => markRunStale(JSON.parse(doc) as RunRecord, message, now));
    for (const run of runs) this.save(run);
    return runs.map((run) => run.id);
  }

  /** Deletes every run of a flow. */
  deleteFlow(flowId: string): void {
    this.removeFlow.run(flowId);
  }
}
