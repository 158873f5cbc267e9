import { request } from './http.ts';
import type { Flow, FlowIssue, FlowSummary, FlowVersion } from './types.ts';

const flowPath = (id: string): string => `/api/flows/${encodeURIComponent(id)}`;

/** A flow as stored, with the ETag to send back in `If-Match`. */
export interface StoredFlow {
  flow: Flow;
  etag: string;
}

/** Lists every flow with its schedule and last run. */
export async function listFlows(): Promise<FlowSummary[]> {
  return (await request<{ flows: FlowSummary[] }>('GET', '/api/flows')).data.flows;
}

/** Reads one flow and its ETag. */
export async function getFlow(id: string): Promise<StoredFlow> {
  const { data, headers } = await request<Flow>('GET', flowPath(id));
  return { flow: data, etag: headers.get('ETag') ?? '' };
}

/**
 * Saves a flow. With `etag` the save only succeeds when nobody saved in between (409 otherwise); without it
 * the flow is created (or overwritten).
 */
export async function putFlow(flow: Flow, etag?: string): Promise<StoredFlow> {
  const headers: Record<string, string> = etag ? { 'If-Match': etag } : {};
  const { data, headers: answer } = await request<{ flow: Flow; etag: string }>('PUT', flowPath(flow.id), { body: flow, headers });
  return { flow: data.flow, etag: data.etag || (answer.get('ETag') ?? '') };
}

/** Deletes a flow, and its entities when asked. */
export async function deleteFlow(id: string, deleteEntities: boolean): Promise<void> {
  await request('DELETE', flowPath(id), { query: { deleteEntities: deleteEntities || undefined } });
}

/** Validates a flow without saving it. */
export async function validateFlow(flow: Flow): Promise<{ valid: boolean; issues: FlowIssue[] }> {
  return (await request<{ valid: boolean; issues: FlowIssue[] }>('POST', '/api/flows/validate', { body: flow })).data;
}

/** Saved versions of a flow, newest first. */
export async function listVersions(id: string): Promise<FlowVersion[]> {
  return (await request<{ versions: FlowVersion[] }>('GET', `${flowPath(id)}/versions`)).data.versions;
}

/** Restores a saved version; restoring is itself a new save. */
export async function restoreVersion(id: string, version: number): Promise<StoredFlow> {
  return (await request<StoredFlow>('POST', `${flowPath(id)}/versions/${version}/restore`)).data;
}
