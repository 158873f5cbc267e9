/**
 * Runs async tasks one at a time per key, in call order: a save and a delete of the same flow never
 * interleave between checking the ETag and renaming the file. Tasks of different keys run side by side.
 * @example await locks.run(flowId, () => saveFile(flowId));
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every earlier task of `key` has settled; returns (or throws) what `task` does. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
