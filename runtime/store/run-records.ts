import type { RunRecord } from './types.ts';

/** Error code written on runs that `failStaleRuns` closes. */
export const STALE_RUN_CODE = 'run_abandoned';

/**
 * A `running` run whose process died, closed as failed: finished now, with `message` as its last error.
 *
 * @example markRunStale(run, 'The process running this flow stopped.', new Date())
 */
export function markRunStale(run: RunRecord, message: string, now: Date): RunRecord {
  const started = Date.parse(run.startedAt);
  return {
    ...run,
    status: 'failed',
    finishedAt: now.toISOString(),
    durationMs: Number.isNaN(started) ? run.durationMs : Math.max(0, now.getTime() - started),
    errors: [...run.errors, { code: STALE_RUN_CODE, message }],
  };
}

/**
 * JSON text for a rejected record. Rejects hold whatever an outside system sent, so a value JSON cannot hold
 * (a BigInt, a cycle) is kept as a string rather than losing the whole reject batch.
 */
export function rejectJson(record: unknown): string {
  try {
    return JSON.stringify(record, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)) ?? 'null';
  } catch {
    return JSON.stringify(String(record));
  }
}

/** JSON text for a node's state; `undefined` becomes `null`. Throws when the state cannot be serialised. */
export function stateJson(state: unknown): string {
  return JSON.stringify(state) ?? 'null';
}
