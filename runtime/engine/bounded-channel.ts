/**
 * A bounded async queue between two nodes: `push` waits while the queue is full (backpressure), the consumer
 * iterates with `for await`. Closing ends the iteration once drained; failing ends it at once with the error.
 */
export class BoundedChannel<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private readonly waitingPushers: (() => void)[] = [];
  private waitingPuller: (() => void) | undefined;
  private closed = false;
  private failure: { error: unknown } | undefined;

  constructor(private readonly capacity: number) {}

  /** Adds an item, waiting while the channel is full. Throws when the channel has failed. */
  async push(item: T): Promise<void> {
    while (this.items.length >= this.capacity && !this.failure) {
      await new Promise<void>((resolve) => this.waitingPushers.push(resolve));
    }
    if (this.failure) throw this.failure.error;
    if (this.closed) throw new Error('push on a closed channel');
    this.items.push(item);
    this.wakePuller();
  }

  /** No more items will come; the consumer finishes after draining. */
  close(): void {
    this.closed = true;
    this.wakePuller();
  }

  /** Ends the channel with an error for both sides. */
  fail(error: unknown): void {
    if (this.failure) return;
    this.failure = { error };
    this.items.length = 0;
    this.wakePuller();
    for (const resolve of this.waitingPushers.splice(0)) resolve();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      if (this.failure) throw this.failure.error;
      const item = this.items.shift();
      if (item !== undefined) {
        this.waitingPushers.shift()?.();
        yield item;
        continue;
      }
      if (this.closed) return;
      await new Promise<void>((resolve) => (this.waitingPuller = resolve));
    }
  }

  private wakePuller(): void {
    const resolve = this.waitingPuller;
    this.waitingPuller = undefined;
    resolve?.();
  }
}
