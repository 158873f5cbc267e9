import type { EntityInput } from './batch.ts';
import type { EntityTypes } from './entity-types.ts';
import type { Logger } from './logger.ts';

/** What every node behaviour receives. Passed as an argument, never as `this`. */
export interface NodeContext<C> {
  /** Validated config with defaults applied and `$env` / `$secret` references resolved. */
  config: C;
  flowId: string;
  nodeId: string;
  runId: string;
  /** Aborted when the run is cancelled or fails elsewhere; pass it to every I/O call. */
  signal: AbortSignal;
  log: Logger;
}

/** What a transport's `open` and `check` receive. */
export type TransportContext<C> = NodeContext<C>;

/** The answer of a transport's connection check. */
export interface CheckResult {
  ok: boolean;
  /** One plain sentence: what worked, or what failed and what to do. */
  message: string;
  details?: Record<string, unknown>;
}

/** Context of a node that processes records (connector, mapper, transform, store, source). */
export interface ProcessContext<C, S = unknown> extends NodeContext<C> {
  /** The resource opened by the transport wired to `port` (default `transport`). */
  transport<T>(port?: string): T;
  /** This node's committed state (a connector's cursor), or undefined on a first or full sync. */
  state: S | undefined;
  /** True when the run is a forced full sync: ignore cursors and re-read everything. */
  full: boolean;
  /** The flow's batch size (records per batch, default 500); connectors batch their reads by it. */
  batchSize: number;
  /** The entity types (built-in and extended) mappers validate against. */
  entityTypes: EntityTypes;
  /** Sends one record to the rejects with a reason; the run goes on. */
  reject(record: unknown, reason: string): void;
}

/** Context of a store node: writes entities, committing covered cursors in the same transaction. */
export interface StoreContext<C> extends ProcessContext<C> {
  /** Upserts entities for this flow (the channel) and commits the cursors this batch covers. */
  writeEntities(entities: EntityInput[]): Promise<void>;
}
