import type { Flow } from '../../../nodes/contract/flow-file.ts';
import type { FlowIssue } from '../../../nodes/contract/errors.ts';
import type { ListedFlow } from '../../flows/flow-service.ts';
import type { AppContext } from '../app-context.ts';

/** One row of `GET /api/flows`. */
export interface FlowSummary {
  id: string;
  name: string;
  enabled: boolean;
  schedule?: Flow['schedule'];
  channelTypes: string[];
  nextRuns: string[];
  lastRun?: { id: string; status: string; startedAt: string; finishedAt?: string };
  etag: string;
  /** Present when the file on disk does not validate (edited by hand); such a flow is not scheduled. */
  issues?: FlowIssue[];
}

/** Summarizes a flow for the list: channel types from its nodes, next runs, the last run. */
export async function summarizeFlow(ctx: AppContext, listed: ListedFlow): Promise<FlowSummary> {
  const { id, flow, etag, issues } = listed;
  const nodes = Array.isArray(flow.nodes) ? flow.nodes : [];
  const channelTypes = [...new Set(nodes.map((node) => ctx.catalog.get(node.type, node.version)?.channelType))]
    .filter((type): type is string => type !== undefined)
    .sort();
  const [last] = await ctx.store.listRuns(id, 1);
  return {
    id,
    name: typeof flow.name === 'string' ? flow.name : id,
    enabled: flow.enabled !== false,
    schedule: flow.schedule,
    channelTypes,
    nextRuns: ctx.scheduler.nextRuns(id, 3),
    lastRun: last && { id: last.id, status: last.status, startedAt: last.startedAt, finishedAt: last.finishedAt },
    etag,
    issues: issues.length > 0 ? issues : undefined,
  };
}

/** JSON Schema of a `FlowSummary`. */
export const flowSummarySchema = {
  type: 'object',
  required: ['id', 'name', 'enabled', 'channelTypes', 'nextRuns', 'etag'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    enabled: { type: 'boolean' },
    schedule: { type: 'object', properties: { cron: { type: 'string' }, timezone: { type: 'string' } } },
    channelTypes: { type: 'array', items: { type: 'string' } },
    nextRuns: { type: 'array', items: { type: 'string', format: 'date-time' } },
    lastRun: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' }, startedAt: { type: 'string' }, finishedAt: { type: 'string' } } },
    etag: { type: 'string' },
    issues: { type: 'array', items: { type: 'object' } },
  },
} as const;
