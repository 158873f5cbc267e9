/** How a save of the flow ended, read from the API's answer. */
import { ApiError, describeError } from '../api/http.ts';
import type { Flow, FlowIssue } from '../api/types.ts';

/** How a save ended. */
export type SaveOutcome = 'saved' | 'invalid' | 'conflict' | 'failed';

/** A save that did not happen: why, the server's issues (for `invalid`) and a sentence. */
export interface SaveRefusal {
  outcome: Exclude<SaveOutcome, 'saved'>;
  issues: FlowIssue[];
  message: string;
}

/**
 * Reads a failed save: 409 is a conflict (someone saved in between), 400 carries the validation issues,
 * anything else is a failure with its message.
 * @example refusalOf(new ApiError(409, 'conflict', 'stale')).outcome // 'conflict'
 */
export function refusalOf(error: unknown): SaveRefusal {
  if (error instanceof ApiError && error.status === 409) return { outcome: 'conflict', issues: [], message: error.message };
  if (error instanceof ApiError && error.status === 400) {
    const details = error.details as { issues?: FlowIssue[] } | undefined;
    return { outcome: 'invalid', issues: details?.issues ?? [{ code: error.code, message: error.message }], message: error.message };
  }
  return { outcome: 'failed', issues: [], message: describeError(error) };
}

/** True when two flows have the same node ids in the same order and the same connections (the canvas can stay). */
export function sameStructure(a: Flow, b: Flow): boolean {
  return JSON.stringify(a.connections) === JSON.stringify(b.connections)
    && JSON.stringify(a.nodes.map((node) => node.id)) === JSON.stringify(b.nodes.map((node) => node.id));
}
