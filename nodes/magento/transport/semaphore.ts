/** Limits how many tasks run at once. */
export interface Semaphore {
  /** Waits for a free slot (or rejects when `signal` aborts) and returns the function that frees it. */
  acquire(signal: AbortSignal): Promise<() => void>;
}

/**
 * A counting semaphore with a FIFO queue.
 * @example const release = await gate.acquire(signal); try { await work(); } finally { release(); }
 */
export function createSemaphore(limit: number): Semaphore {
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    active -= 1;
    waiting.shift()?.();
  };
  return {
    acquire(signal) {
      if (signal.aborted) return Promise.reject(signal.reason);
      if (active < limit) {
        active += 1;
        return Promise.resolve(release);
      }
      return new Promise((resolve, reject) => {
        const grant = () => {
          signal.removeEventListener('abort', onAbort);
          active += 1;
          resolve(release);
        };
        const onAbort = () => {
          const position = waiting.indexOf(grant);
          if (position >= 0) waiting.splice(position, 1);
          reject(signal.reason);
        };
        waiting.push(grant);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
