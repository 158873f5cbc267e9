import { apiUrl, request } from './http.ts';
import type { ApiPage, RejectRecord, RunProgress, RunRecord } from './types.ts';

/**
 * Starts a run of a saved flow; `full` re-reads everything, ignoring cursors. The run is recorded with trigger
 * `manual`: a person started it from the editor.
 */
export async function startRun(flowId: string, full: boolean): Promise<string> {
  const path = `/api/flows/${encodeURIComponent(flowId)}/runs`;
  return (await request<{ runId: string }>('POST', path, { body: { full, trigger: 'manual' } })).data.runId;
}

/** A flow's runs, newest first. */
export async function listRuns(flowId: string, limit = 20): Promise<RunRecord[]> {
  const path = `/api/flows/${encodeURIComponent(flowId)}/runs`;
  return (await request<{ runs: RunRecord[] }>('GET', path, { query: { limit } })).data.runs;
}

/** One run record. */
export async function getRun(runId: string): Promise<RunRecord> {
  return (await request<RunRecord>('GET', `/api/runs/${encodeURIComponent(runId)}`)).data;
}

/** Asks a running run to stop. */
export async function cancelRun(runId: string): Promise<void> {
  await request('POST', `/api/runs/${encodeURIComponent(runId)}/cancel`);
}

/** The records a run rejected, with reasons. */
export async function listRejects(runId: string, cursor?: string, limit = 50): Promise<ApiPage<RejectRecord>> {
  return (await request<ApiPage<RejectRecord>>('GET', '/api/rejects', { query: { runId, cursor, limit } })).data;
}

/** Callbacks of a run's event stream. */
export interface RunEventHandlers {
  progress(event: RunProgress): void;
  end(run: RunRecord): void;
  /** The stream broke before `end`. */
  error(): void;
}

/**
 * Follows a run's server-sent events. `EventSource` cannot send headers, so the token travels as `?token=`.
 * Returns a function that closes the stream.
 */
export function followRun(runId: string, token: string, handlers: RunEventHandlers): () => void {
  const source = new EventSource(apiUrl(`/api/runs/${encodeURIComponent(runId)}/events`, { token }));
  let ended = false;
  source.addEventListener('progress', (event) => handlers.progress(JSON.parse((event as MessageEvent<string>).data) as RunProgress));
  source.addEventListener('end', (event) => {
    ended = true;
    source.close();
    handlers.end(JSON.parse((event as MessageEvent<string>).data) as RunRecord);
  });
  source.onerror = () => {
    if (ended) return;
    source.close();
    handlers.error();
  };
  return () => source.close();
}
