import type { EntityInput } from '../../nodes/contract/batch.ts';

/** A stored, normalized entity: what `export` prints, one per line. */
export interface EntityRecord {
  type: string;
  /** The flow id that wrote it. */
  channel: string;
  originId: string;
  data: Record<string, unknown>;
  /** sha256 of the canonical JSON of `data`. */
  hash: string;
  firstSeenAt: string;
  updatedAt: string;
  /** The run that last changed it. */
  runId: string;
}

/** How an upsert batch turned out. */
export interface UpsertCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** A node's persisted state (a connector's cursor) to commit with a batch. */
export interface NodeStateUpdate {
  nodeId: string;
  state: unknown;
}

/** One batch to write: entities of one channel, and the node states they make committable. */
export interface UpsertBatch {
  channel: string;
  runId: string;
  entities: EntityInput[];
  /** Committed in the same transaction as the entities. */
  states?: NodeStateUpdate[];
}

/** Filter and page of an entity query. */
export interface EntityQuery {
  type: string;
  channel?: string;
  /** Case-insensitive text search over the type's search fields. */
  text?: string;
  limit?: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

/** One page of results. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** What started a run. */
export type RunTrigger = 'cron' | 'manual' | 'api' | 'webhook' | 'cli';

/** How a run ended (or `running`, `skipped`). */
export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed' | 'cancelled' | 'skipped';

/** Per-node counters of a run. */
export interface NodeCounts {
  in: number;
  out: number;
  rejected: number;
  durationMs: number;
}

/** An error kept on a run record (first few only). */
export interface RunError {
  nodeId?: string;
  code: string;
  message: string;
}

/** The record of one run of a flow. */
export interface RunRecord {
  id: string;
  flowId: string;
  trigger: RunTrigger;
  full: boolean;
  status: RunStatus;
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  nodes: Record<string, NodeCounts>;
  entities: UpsertCounts;
  rejected: number;
  errors: RunError[];
  cursorsBefore: Record<string, unknown>;
  cursorsAfter: Record<string, unknown>;
}

/** A rejected record kept for inspection. */
export interface RejectRecord {
  id: number;
  flowId: string;
  runId: string;
  nodeId: string;
  reason: string;
  record: unknown;
  createdAt: string;
}

/** A reject as the runtime hands it to the store. */
export interface RejectInputRecord {
  nodeId: string;
  reason: string;
  record: unknown;
}

/** Filter and page of a rejects query. */
export interface RejectQuery {
  flowId?: string;
  runId?: string;
  limit?: number;
  cursor?: string;
}
