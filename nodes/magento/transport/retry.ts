import { sleep } from '../../common/abortable-sleep.ts';

/** How often and how long to retry a transient failure. */
export interface RetryPolicy {
  /** Retries after the first attempt (0 = try once). */
  retries: number;
  /** Delay before the first retry; each further retry waits twice as long (5 s, 10 s, 20 s, 40 s …). */
  baseDelayMs: number;
}

/** The delay before retry number `retry` (0-based): exponential backoff from the base delay. */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  return policy.baseDelayMs * 2 ** retry;
}

/**
 * Runs `attempt` until it succeeds, `isTransient(error)` says no, or the retries are used up. `onRetry` hears about
 * every retry (for logging). The last error is rethrown as it is, with the number of attempts made.
 * @example await withRetries(() => call(), { retries: 4, baseDelayMs: 5000 }, isTransient, signal)
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  isTransient: (error: unknown) => boolean,
  signal: AbortSignal,
  onRetry: (error: unknown, retry: number, delayMs: number) => void = () => undefined,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (retry >= policy.retries || signal.aborted || !isTransient(error)) throw error;
      const delayMs = backoffDelay(policy, retry);
      onRetry(error, retry + 1, delayMs);
      await sleep(delayMs, signal);
    }
  }
}
