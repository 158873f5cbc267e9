import type { Logger } from '../../nodes/contract/logger.ts';
import type { EntityRegistry } from '../../nodes/entities/registry.ts';
import type { EntityStore } from '../store/entity-store.ts';
import type { RunRecord } from '../store/types.ts';
import type { CheckpointTracker } from './checkpoint-tracker.ts';
import type { FlowPlan } from './plan-flow.ts';
import type { RejectsBuffer } from './rejects-buffer.ts';
import type { Scrubber } from './scrubber.ts';

/** Everything the nodes of one run share. Built by `runFlow`, read by the executors. */
export interface Execution {
  plan: FlowPlan;
  run: RunRecord;
  configs: Map<string, Record<string, unknown>>;
  /** Opened transport resources by transport node id. */
  resources: Map<string, unknown>;
  store: EntityStore;
  entities: EntityRegistry;
  tracker: CheckpointTracker;
  rejects: RejectsBuffer;
  scrubber: Scrubber;
  /** Committed node states at the start of the run. */
  states: Record<string, unknown>;
  full: boolean;
  batchSize: number;
  signal: AbortSignal;
  log: Logger;
  /** Called whenever a node's counts change (throttled by the caller). */
  countsChanged(nodeId: string): void;
}
