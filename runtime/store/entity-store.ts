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
  /**
   * Upserts entities by (type, channel, originId) and commits `states` in the same transaction: when anything
   * fails (an unserialisable value, a database error) nothing of the batch is written, states included.
   * An entity whose data hash is unchanged is left untouched (its `updatedAt` and `runId` stay). A repeated
   * key within one batch counts as the write it is (added, then updated or unchanged).
   */
  upsertBatch(batch: UpsertBatch): Promise<UpsertCounts>;
  /** One entity, or undefined. */
  getEntity(type: string, channel: string, originId: string): Promise<EntityRecord | undefined>;
  /**
   * A page of entities, ordered by channel then origin id (compared as strings, byte order). `limit` defaults
   * to 100, at most 1000. `text` matches when every word occurs in the type's search fields, case-insensitively.
   * Throws a `ConfigError` for a cursor this store did not make.
   */
  queryEntities(query: EntityQuery): Promise<Page<EntityRecord>>;
  /** Streams every entity of a type (optionally one channel), ordered by channel then origin id, a page at a time. */
  exportEntities(type: string, channel?: string): AsyncIterable<EntityRecord>;
  /** Counts entities per type for a channel (or all channels). */
  countEntities(channel?: string): Promise<Record<string, number>>;
  /** Deletes every entity, state, run and reject of a channel. Returns how many entities went. */
  deleteChannel(channel: string): Promise<number>;

  /** Committed state of every node of a flow. */
  getNodeStates(channel: string): Promise<Record<string, unknown>>;
  /** Commits node states outside an entity batch (for connectors with nothing downstream to store). */
  commitNodeStates(channel: string, states: { nodeId: string; state: unknown }[]): Promise<void>;

  /**
   * Inserts or replaces a run record, then keeps only the newest `retention` runs of its flow (by `startedAt`),
   * deleting the rejects of the runs it drops. Without `retention` every run is kept.
   */
  saveRun(run: RunRecord, retention?: number): Promise<void>;
  /** One run record, or undefined. */
  getRun(id: string): Promise<RunRecord | undefined>;
  /** A flow's runs, newest first; `limit` defaults to 50. */
  listRuns(flowId: string, limit?: number): Promise<RunRecord[]>;
  /**
   * Marks runs left `running` by a dead process as failed. Returns their ids. Call it right after taking the
   * flow's lease: while the lease is held, any other run of the flow still `running` belongs to a dead process.
   */
  failStaleRuns(flowId: string, message: string): Promise<string[]>;

  /** Keeps rejected records of a run for inspection. */
  addRejects(flowId: string, runId: string, rejects: RejectInputRecord[]): Promise<void>;
  /** A page of rejects (by flow and/or run), in the order they were added; `limit` defaults to 100. */
  listRejects(query: RejectQuery): Promise<Page<RejectRecord>>;

  /**
   * Takes the flow's lease for `owner` if it is free or expired; true on success.
   * A lease not renewed within `ttlMs` expires, so a killed process never blocks a flow forever.
   * Not re-entrant: an owner that already holds a live lease gets false too (use `renewLease`).
   */
  acquireLease(flowId: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Extends a lease held by `owner`; false when it was lost (released, or expired and taken by another owner). */
  renewLease(flowId: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Frees the lease when `owner` holds it; does nothing otherwise. */
  releaseLease(flowId: string, owner: string): Promise<void>;
  /** Who holds the flow's lease, and until when, if anyone does. */
  leaseHolder(flowId: string): Promise<{ owner: string; expiresAt: string } | undefined>;

  /** Closes the database connection(s). */
  close(): Promise<void>;
}
