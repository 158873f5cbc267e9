/**
 * What travels between nodes: batches of records, with the connector checkpoints (cursors) they cover.
 * A checkpoint rides along with the records read before it, so the store can commit a cursor in the same
 * transaction as the last record it covers.
 */

/** A connector's cursor at one point of its stream. */
export interface Checkpoint {
  /** The connector node whose state this is. */
  nodeId: string;
  /** Position in that node's checkpoint sequence (increasing). */
  seq: number;
  /** The state to persist once every record before it is stored. */
  state: unknown;
}

/** A batch of records on its way between two nodes. */
export interface Batch<T = unknown> {
  records: T[];
  /** Checkpoints that become committable once these records are stored. */
  checkpoints: Checkpoint[];
}

/** What a connector's `read` yields: records, and optionally the state to commit once they are stored. */
export interface SourceBatch<T = unknown, S = unknown> {
  records: T[];
  /** The cursor after these records; committed only after they are durably stored. */
  state?: S;
}

/** A normalized entity as a mapper emits it; the runtime adds the channel and run. */
export interface EntityInput<D = Record<string, unknown>> {
  /** Entity type, for example `person`. */
  type: string;
  /** The record's id in the outside system, unique per type within the channel. */
  originId: string;
  data: D;
}

/** A record that could not be processed, with the reason. */
export interface RejectInput {
  record: unknown;
  reason: string;
}
