import { apiUrl, request } from './http.ts';
import type { CatalogueResponse, CheckAnswer, NodesChangedEvent, SchedulePreview } from './types.ts';

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

/** Callbacks of the node catalogue's event stream. */
export interface NodeChangeHandlers {
  /** A node module was reloaded (`serve --watch-nodes`): refetch the catalogue. */
  changed(event: NodesChangedEvent): void;
  /** The stream is back after a break: changes may have been missed. */
  reconnected(): void;
}

/**
 * Follows `GET /api/nodes/events`. `EventSource` cannot send headers, so the token travels as `?token=`; it
 * reconnects by itself after a break. Returns a function that closes the stream.
 */
export function followNodeChanges(token: string, handlers: NodeChangeHandlers): () => void {
  const source = new EventSource(apiUrl('/api/nodes/events', { token }));
  let broken = false;
  source.addEventListener('nodes:changed', (event) => handlers.changed(JSON.parse((event as MessageEvent<string>).data) as NodesChangedEvent));
  source.addEventListener('open', () => {
    if (broken) handlers.reconnected();
    broken = false;
  });
  source.addEventListener('error', () => { broken = true; });
  return () => source.close();
}
