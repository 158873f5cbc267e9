import type { InstantiateOptions } from '../../../nodes/templates/instantiate-template.ts';
import type { StoredFlow } from './flows-api.ts';
import { request } from './http.ts';
import type { ChannelTypeSummary, Flow, FlowTemplate } from './types.ts';

/** What the New-channel wizard sends to `POST /api/flows/from-template`. */
export type FromTemplateRequest = InstantiateOptions & { templateId: string };

/** Every channel type, with its template ids and node types. */
export async function listChannelTypes(): Promise<ChannelTypeSummary[]> {
  return (await request<{ channelTypes: ChannelTypeSummary[] }>('GET', '/api/channel-types')).data.channelTypes;
}

/** The flow templates of a channel type. */
export async function listTemplates(channelType: string): Promise<FlowTemplate[]> {
  return (await request<{ templates: FlowTemplate[] }>('GET', '/api/templates', { query: { channelType } })).data.templates;
}

/**
 * Creates a flow from a template (only when `flowId` is free: 409 otherwise; 400 `flow_invalid` with
 * `details.issues` when the filled values do not make a valid flow).
 */
export async function createFlowFromTemplate(body: FromTemplateRequest): Promise<StoredFlow> {
  const { data, headers } = await request<{ flow: Flow; etag: string }>('POST', '/api/flows/from-template', { body });
  return { flow: data.flow, etag: data.etag || (headers.get('ETag') ?? '') };
}
