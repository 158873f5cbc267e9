import type { NodeCounts, RunError, RunRecord, RunTrigger, UpsertCounts } from '../store/types.ts';

/** Keeps at most this many errors on a run record; the rest are counted in the rejects. */
export const MAX_RUN_ERRORS = 20;

/** A fresh run record in state `running`. */
export function createRunRecord(id: string, flowId: string, trigger: RunTrigger, full: boolean): RunRecord {
  return {
    id,
    flowId,
    trigger,
    full,
    status: 'running',
    startedAt: new Date().toISOString(),
    nodes: {},
    entities: { added: 0, updated: 0, unchanged: 0 },
    rejected: 0,
    errors: [],
    cursorsBefore: {},
    cursorsAfter: {},
  };
}

/** The counts of one node on a run record, created on first use. */
export function nodeCounts(run: RunRecord, nodeId: string): NodeCounts {
  run.nodes[nodeId] ??= { in: 0, out: 0, rejected: 0, durationMs: 0 };
  return run.nodes[nodeId];
}

/** Adds an upsert's counts to the run's entity totals. */
export function addEntityCounts(run: RunRecord, counts: UpsertCounts): void {
  run.entities.added += counts.added;
  run.entities.updated += counts.updated;
  run.entities.unchanged += counts.unchanged;
}

/** Keeps an error on the run record unless it already holds the maximum. */
export function addRunError(run: RunRecord, error: RunError): void {
  if (run.errors.length < MAX_RUN_ERRORS) run.errors.push(error);
}

/** Sets the final status and times. */
export function finishRunRecord(run: RunRecord, status: RunRecord['status']): RunRecord {
  run.status = status;
  run.finishedAt = new Date().toISOString();
  run.durationMs = Date.parse(run.finishedAt) - Date.parse(run.startedAt);
  return run;
}
