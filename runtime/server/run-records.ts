import { randomUUID } from 'node:crypto';
import type { RunError, RunRecord, RunTrigger } from '../store/types.ts';

/**
 * A run record for a run that never started: a tick that found the flow running (`skipped`), or a run that
 * could not begin (`failed`, for example a flow that became invalid). Shows up in the run list like any run.
 * @example await store.saveRun(notStartedRun('shop', 'cron', 'skipped', { code: 'flow_busy', message }));
 */
export function notStartedRun(flowId: string, trigger: RunTrigger, status: 'skipped' | 'failed', error: RunError): RunRecord {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    flowId,
    trigger,
    full: false,
    status,
    startedAt: now,
    finishedAt: now,
    durationMs: 0,
    nodes: {},
    entities: { added: 0, updated: 0, unchanged: 0 },
    rejected: 0,
    errors: [error],
    cursorsBefore: {},
    cursorsAfter: {},
  };
}

/** The record of a run whose runner crashed after it started: what was known, marked failed. */
export function crashedRun(last: RunRecord, message: string): RunRecord {
  const finishedAt = new Date().toISOString();
  return {
    ...last,
    status: 'failed',
    finishedAt,
    durationMs: Date.parse(finishedAt) - Date.parse(last.startedAt),
    errors: [{ code: 'internal', message }, ...last.errors],
  };
}
