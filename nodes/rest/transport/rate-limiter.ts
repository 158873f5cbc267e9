import { sleep } from '../../common/abortable-sleep.ts';

/** Spaces request starts so that no more than a given number begin per second. */
export interface RateLimiter {
  /** Resolves when the next request may start (at once when there is no limit). */
  acquire(signal: AbortSignal): Promise<void>;
}

/**
 * A limiter allowing `requestsPerSecond` request starts per second, evenly spaced; `undefined` means no
 * limit. Slots are reserved synchronously, so concurrent callers sharing one transport queue up fairly.
 * @example const limiter = createRateLimiter(5); await limiter.acquire(signal); // at most one start per 200 ms
 */
export function createRateLimiter(requestsPerSecond: number | undefined): RateLimiter {
  if (!requestsPerSecond) return { acquire: async () => undefined };
  const intervalMs = 1000 / requestsPerSecond;
  let nextSlot = 0;
  return {
    async acquire(signal) {
      const now = performance.now();
      const slot = Math.max(now, nextSlot);
      nextSlot = slot + intervalMs;
      await sleep(slot - now, signal);
    },
  };
}
