import { request } from './http.ts';
import type { CatalogueResponse, CheckAnswer, SchedulePreview } from './types.ts';

/** The node catalogue and the entity types. */
export async function getCatalogue(): Promise<CatalogueResponse> {
  return (await request<CatalogueResponse>('GET', '/api/nodes')).data;
}

/** Asks a transport to try its connection with `config` (references allowed). */
export async function checkNode(type: string, config: Record<string, unknown>): Promise<CheckAnswer> {
  return (await request<CheckAnswer>('POST', `/api/nodes/${encodeURIComponent(type)}/check`, { body: { config } })).data;
}

/** Reads a cron expression in plain language and lists its next three run times. */
export async function previewSchedule(cron: string, timezone: string | undefined): Promise<SchedulePreview> {
  return (await request<SchedulePreview>('GET', '/api/schedule/preview', { query: { cron, timezone } })).data;
}
