import type { RunProgress } from '../engine/run-options.ts';
import type { RunRecord } from '../store/types.ts';

/** Receives one run's events: progress as it happens, then the final record once. */
export interface RunListener {
  progress(event: RunProgress): void;
  end(run: RunRecord): void;
}

/**
 * Fans one run's progress out to any number of listeners (SSE connections). A listener that joins late is
 * first sent what it missed, condensed: the `run:start` and the latest counts of each node. A listener that
 * throws is dropped; it never disturbs the run or the other listeners.
 * @example const remove = channel.subscribe({ progress: send, end: close });
 */
export class RunChannel {
  private start?: RunProgress;
  private readonly latestCounts = new Map<string, RunProgress>();
  private latestEntities?: RunRecord['entities'];
  private readonly listeners = new Set<RunListener>();
  private finalRecord?: RunRecord;

  /** The final record once the run has ended. */
  get ended(): RunRecord | undefined {
    return this.finalRecord;
  }

  /** The run record as it stands: the start record with the latest counts; the final record once ended. */
  snapshot(): RunRecord | undefined {
    if (this.finalRecord) return this.finalRecord;
    if (this.start?.type !== 'run:start') return undefined;
    const run = structuredClone(this.start.run);
    for (const event of this.latestCounts.values()) {
      if (event.type === 'node:counts') run.nodes[event.nodeId] = event.counts;
    }
    if (this.latestEntities) run.entities = this.latestEntities;
    return run;
  }

  /** Passes a progress event on and keeps what a late listener needs. */
  publish(event: RunProgress): void {
    if (event.type === 'run:start') this.start = event;
    if (event.type === 'node:counts') {
      this.latestCounts.set(event.nodeId, event);
      this.latestEntities = event.entities;
    }
    for (const listener of this.listeners) this.deliver(listener, (target) => target.progress(event));
  }

  /** Ends the run for every listener with its final record. */
  finish(run: RunRecord): void {
    this.finalRecord = run;
    for (const listener of this.listeners) this.deliver(listener, (target) => target.end(run));
    this.listeners.clear();
  }

  /** Adds a listener (replaying what it missed); returns the function that removes it. */
  subscribe(listener: RunListener): () => void {
    const missed = [this.start, ...this.latestCounts.values()].filter((event): event is RunProgress => event !== undefined);
    for (const event of missed) this.deliver(listener, (target) => target.progress(event));
    if (this.finalRecord) {
      this.deliver(listener, (target) => target.end(this.finalRecord as RunRecord));
      return () => undefined;
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private deliver(listener: RunListener, send: (listener: RunListener) => void): void {
    try {
      send(listener);
    } catch {
      this.listeners.delete(listener);
    }
  }
}
