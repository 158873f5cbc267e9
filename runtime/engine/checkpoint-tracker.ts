import type { Checkpoint } from '../../nodes/contract/batch.ts';
import type { NodeStateUpdate } from '../store/types.ts';

/**
 * Decides when a connector's checkpoint may be committed: once every path from the connector to a store has
 * delivered the batch carrying it. Paths are FIFO, so checkpoints of one connector complete in order.
 */
export class CheckpointTracker {
  private readonly acks = new Map<string, number>();
  private sequence = 0;

  /** @param pathsToSinks how many distinct paths lead from each connector node to store nodes. */
  constructor(private readonly pathsToSinks: ReadonlyMap<string, number>) {}

  /** Creates the checkpoint for a connector's state; `committable` is true when nothing downstream stores it. */
  create(nodeId: string, state: unknown): { checkpoint: Checkpoint; committable: boolean } {
    this.sequence += 1;
    const checkpoint: Checkpoint = { nodeId, seq: this.sequence, state };
    return { checkpoint, committable: (this.pathsToSinks.get(nodeId) ?? 0) === 0 };
  }

  /**
   * Records that a store received these checkpoints. Returns the states now complete (the latest per node),
   * to commit in the same transaction as the batch being written.
   */
  ack(checkpoints: readonly Checkpoint[]): NodeStateUpdate[] {
    const ready = new Map<string, NodeStateUpdate>();
    for (const checkpoint of checkpoints) {
      const key = `${checkpoint.nodeId}\u0000${checkpoint.seq}`;
      const count = (this.acks.get(key) ?? 0) + 1;
      if (count >= (this.pathsToSinks.get(checkpoint.nodeId) ?? 1)) {
        this.acks.delete(key);
        ready.set(checkpoint.nodeId, { nodeId: checkpoint.nodeId, state: checkpoint.state });
      } else {
        this.acks.set(key, count);
      }
    }
    return [...ready.values()];
  }
}
