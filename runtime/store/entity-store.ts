import type {
  EntityQuery, EntityRecord, Page, RejectInputRecord, RejectQuery, RejectRecord, RunRecord, UpsertBatch, UpsertCounts,
} from './types.ts';

/**
 * Where entities, node state, runs, rejects and flow leases live. The SQLite store is the embedded default;
 * PostgreSQL is selected by DATABASE_URL. Every implementation passes the same contract test suite.
 */
export interface EntityStore {
  /** Creates tables when needed. Idempotent. */
  init(): Promise<void>;
  /** Upserts entities by (type, channel, originId) and commits `states` in the same transaction. */
  upsertBatch(batch: UpsertBatch): Promise<UpsertCounts>;
  /** One entity, or undefined. */
  getEntity(type: string, channel: string, originId: string): Promise<EntityRecord | undefined>;
  /** A page of entities, ordered by channel then origin id. */
  queryEntities(query: EntityQuery): Promise<Page<EntityRecord>>;
  /** Streams every entity of a type (optionally one channel) in a stable order, a page at a time. */
  exportEntities(type: string, channel?: string): AsyncIterable<EntityRecord>;
  /** Counts entities per type for a channel (or all channels). */
  countEntities(channel?: string): Promise<Record<string, number>>;
  /** Deletes every entity, state, run and reject of a channel. Returns how many entities went. */
  deleteChannel(channel: string): Promise<number>;

  /** Committed state of every node of a flow. */
  getNodeStates(channel: string): Promise<Record<string, unknown>>;
  /** Commits node states outside an entity batch (for connectors with nothing downstream to store). */
  commitNodeStates(channel: string, states: { nodeId: string; state: unknown }[]): Promise<void>;

  /** Inserts or replaces a run record, then keeps only the newest `retention` runs of its flow. */
  saveRun(run: RunRecord, retention?: number): Promise<void>;
  getRun(id: string): Promise<RunRecord | undefined>;
  /** Newest first. */
  listRuns(flowId: string, limit?: number): Promise<RunRecord[]>;
  /** Marks runs left `running` by a dead process as failed. Returns their ids. */
  failStaleRuns(flowId: string, message: string): Promise<string[]>;

  addRejects(flowId: string, runId: string, rejects: RejectInputRecord[]): Promise<void>;
  listRejects(query: RejectQuery): Promise<Page<RejectRecord>>;

  /**
   * Takes the flow's lease for `owner` if it is free or expired; true on success.
   * A lease not renewed within `ttlMs` expires, so a killed process never blocks a flow forever.
   */
  acquireLease(flowId: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Extends a lease held by `owner`; false when it was lost. */
  renewLease(flowId: string, owner: string, ttlMs: number): Promise<boolean>;
  releaseLease(flowId: string, owner: string): Promise<void>;
  /** Who holds the flow's lease, and until when, if anyone does. */
  leaseHolder(flowId: string): Promise<{ owner: string; expiresAt: string } | undefined>;

  close(): Promise<void>;
}
