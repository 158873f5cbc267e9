import type { EntityStore } from '../store/entity-store.ts';
import type { RejectInputRecord } from '../store/types.ts';

/** At most this many rejects are kept per run; the rest are only counted. */
export const MAX_KEPT_REJECTS = 10_000;

/** Collects rejected records and writes them to the store in chunks. */
export class RejectsBuffer {
  private pending: RejectInputRecord[] = [];
  private kept = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EntityStore,
    private readonly flowId: string,
    private readonly runId: string,
    private readonly chunkSize = 500,
  ) {}

  /** Queues one reject; flushes when a chunk is full. */
  add(reject: RejectInputRecord): void {
    if (this.kept >= MAX_KEPT_REJECTS) return;
    this.kept += 1;
    this.pending.push(reject);
    if (this.pending.length >= this.chunkSize) void this.flush();
  }

  /** Writes what is queued; resolves when everything queued so far is stored. */
  flush(): Promise<void> {
    const chunk = this.pending;
    this.pending = [];
    if (chunk.length > 0) this.writing = this.writing.then(() => this.store.addRejects(this.flowId, this.runId, chunk));
    return this.writing;
  }
}
