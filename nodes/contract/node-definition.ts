import type { Batch, EntityInput, SourceBatch } from './batch.ts';
import type { CheckResult, ProcessContext, StoreContext, TransportContext } from './context.ts';
import type { ObjectSchema } from './json-schema.ts';
import type { SocketType } from './socket.ts';

/** The role a node plays in a flow; the palette groups by it. */
export type NodeCategory = 'transport' | 'connector' | 'mapper' | 'transform' | 'store' | 'source';

/** All categories, in palette order. */
export const NODE_CATEGORIES: readonly NodeCategory[] = ['transport', 'source', 'connector', 'mapper', 'transform', 'store'];

/**
 * A socket type, which may depend on the node's config through `{field}` placeholders filled from the config:
 * a field mapper's output is `entities:{entityType}`. A template (not a function) so the editor can compute
 * it from the catalogue the API serves.
 */
export type SocketSpec = SocketType;

/** A named input or output port. */
export interface PortSpec {
  socket: SocketSpec;
  label?: string;
  description?: string;
  /** An input that must be wired for the flow to be valid. */
  required?: boolean;
  /** An input that accepts several connections. */
  multiple?: boolean;
}

/** What `transform` returns: records for the node's only output port, or records per output port. */
export type TransformOutput = unknown[] | Record<string, unknown[]>;

/**
 * One node type. A single definition drives the editor form, validation, socket typing and the runtime.
 * Behaviours are chosen by category: transports `open`/`close`/`check`; connectors and sources `read`;
 * mappers, transforms (and connectors fed by records) `transform`; stores `write`.
 */
export interface NodeDefinition<C = Record<string, unknown>, R = unknown> {
  /** Stable id, `channelType.name`, for example `magento.customers`. */
  type: string;
  /** Integer; bump it when the meaning of config or output changes. */
  version: number;
  category: NodeCategory;
  /** Palette group: `magento`, `rest`, `file`, `sql`, `webhook`, `core` or a package's own. */
  channelType: string;
  label: string;
  description: string;
  /** JSON Schema of the config; `writeOnly: true` marks a secret; `default`s are applied. */
  config: ObjectSchema;
  inputs?: Record<string, PortSpec>;
  outputs?: Record<string, PortSpec>;
  /** Connectors only: lower phases are read first (reference data before the entities that point at it). */
  phase?: number;
  /** Transport: opens the resource (client, pool, session) that connectors use. The runtime always closes it. */
  open?(ctx: TransportContext<C>): Promise<R>;
  /** Transport: releases what `open` returned. */
  close?(resource: R, ctx: TransportContext<C>): Promise<void>;
  /** Transport: tries the connection and says plainly what failed. */
  check?(ctx: TransportContext<C>): Promise<CheckResult>;
  /** Connector or source: yields batches of records, each with the cursor after it. */
  read?(ctx: ProcessContext<C>): AsyncIterable<SourceBatch>;
  /** Mapper or transform: turns one input batch into output records. Per-record failures go to `ctx.reject`. */
  transform?(records: unknown[], ctx: ProcessContext<C>, port: string): Promise<TransformOutput> | TransformOutput;
  /**
   * Mapper, transform or connector fed by records: called once after its last input batch (also when none came),
   * for what it still has to emit. The result goes out like a `transform` result.
   */
  finish?(ctx: ProcessContext<C>): Promise<TransformOutput> | TransformOutput;
  /** Store: writes one batch through `ctx.writeEntities`. */
  write?(batch: Batch<EntityInput>, ctx: StoreContext<C>): Promise<void>;
}

/** A definition whose config type has been erased, as catalogs hold them. */
export type AnyNodeDefinition = NodeDefinition<Record<string, unknown>, unknown>;
