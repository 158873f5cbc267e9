import type { NodeCatalog } from '../../nodes/contract/catalog.ts';
import type { Flow } from '../../nodes/contract/flow-file.ts';
import type { Logger } from '../../nodes/contract/logger.ts';
import type { SecretResolver } from '../../nodes/contract/references.ts';
import type { EntityRegistry } from '../../nodes/entities/registry.ts';
import type { EntityStore } from '../store/entity-store.ts';
import type { NodeCounts, RunRecord, RunTrigger } from '../store/types.ts';

/** Everything a run needs. */
export interface RunFlowOptions {
  flow: Flow;
  catalog: NodeCatalog;
  store: EntityStore;
  entities: EntityRegistry;
  trigger: RunTrigger;
  /** Forced full sync: connectors ignore their cursors. */
  full?: boolean;
  /** Cancels the run; it ends `cancelled` with the store and cursors consistent. */
  signal?: AbortSignal;
  secrets?: SecretResolver;
  /** Environment for `$env` references (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Use this run id instead of a generated one (the API returns it before the run starts). */
  runId?: string;
  /** Called as the run progresses: start, per-node counts (throttled), end. */
  onProgress?: (event: RunProgress) => void;
  logger?: Logger;
  /** Lease time-to-live; the lease is renewed at a third of it (default 30 s). */
  leaseTtlMs?: number;
  /** Owner name written on the lease (default host:pid). */
  leaseOwner?: string;
}

/** Progress events of a run, in order: one `run:start`, any number of `node:counts`, one `run:end`. */
export type RunProgress =
  | { type: 'run:start'; run: RunRecord }
  | { type: 'node:counts'; runId: string; nodeId: string; counts: NodeCounts; entities: RunRecord['entities'] }
  | { type: 'run:end'; run: RunRecord };
