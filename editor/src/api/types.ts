/**
 * Shapes of the HTTP API (docs/api.md) as the editor reads them. Node, flow and run shapes come from the
 * contract and the runtime's own type files, so the editor and the server cannot drift apart silently.
 */
import type { ObjectSchema } from '../../../nodes/contract/json-schema.ts';
import type { AnyNodeDefinition } from '../../../nodes/contract/node-definition.ts';
import type { FlowIssue } from '../../../nodes/contract/errors.ts';
import type { EntityRecord, NodeCounts, RejectRecord, RunRecord } from '../../../runtime/store/types.ts';

export type { EntityRecord, FlowIssue, NodeCounts, RejectRecord, RunRecord };
export type { Flow, FlowConnection, FlowEndpoint, FlowNode } from '../../../nodes/contract/flow-file.ts';
export type { ChannelTypeSummary, FlowTemplate, TemplateConnector, TemplateParameter } from '../../../nodes/templates/flow-template.ts';
export type { NodesChangedEvent } from '../../../runtime/server/node-changes.ts';

/** A node type as `GET /api/nodes` lists it: the definition without its behaviours. */
export type NodeTypeInfo = Pick<
  AnyNodeDefinition,
  'type' | 'version' | 'category' | 'channelType' | 'label' | 'description' | 'config' | 'inputs' | 'outputs'
> & {
  /** True when the type can try its connection (`POST /api/nodes/:type/check`). */
  checkable: boolean;
  /** Where the type comes from: `built-in`, a file or a package. */
  source: string;
};

/** An entity type the store knows. */
export interface EntityTypeSummary {
  type: string;
  label: string;
  schema: ObjectSchema;
  extended?: boolean;
}

/** A node module that could not be loaded. */
export interface CatalogueProblem {
  source: string;
  message: string;
  severity: 'error' | 'warning';
}

/** `GET /api/nodes`. */
export interface CatalogueResponse {
  nodes: NodeTypeInfo[];
  entityTypes: EntityTypeSummary[];
  problems: CatalogueProblem[];
}

/** One row of `GET /api/flows`. */
export interface FlowSummary {
  id: string;
  name: string;
  enabled: boolean;
  schedule?: { cron: string; timezone?: string };
  channelTypes: string[];
  nextRuns: string[];
  lastRun?: { id: string; status: RunRecord['status']; startedAt: string; finishedAt?: string };
  etag: string;
}

/** One saved version of a flow. */
export interface FlowVersion {
  version: number;
  savedAt: string;
  etag: string;
  name: string;
  /** True when this version's content is what is stored now. */
  current?: boolean;
}

/** What `GET /api/schedule/preview` answers. */
export interface SchedulePreview {
  valid: boolean;
  message?: string;
  description?: string;
  next: string[];
}

/** What `POST /api/nodes/:type/check` answers. */
export interface CheckAnswer {
  ok: boolean;
  message: string;
  details?: unknown;
}

/** An entity as the entity routes return it: the record plus its id (`<channel>:<originId>`). */
export type EntityItem = EntityRecord & { id: string };

/** A page of items with the cursor of the next page. */
export interface ApiPage<T> {
  items: T[];
  nextCursor?: string;
}

/** Progress events of a run (`GET /api/runs/:id/events`, event `progress`). */
export type RunProgress =
  | { type: 'run:start'; run: RunRecord }
  | { type: 'node:counts'; runId: string; nodeId: string; counts: NodeCounts; entities: RunRecord['entities'] }
  | { type: 'run:end'; run: RunRecord };
