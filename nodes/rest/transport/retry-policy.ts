/** HTTP statuses worth another try: request timeout, too many requests, and every server error. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Milliseconds a `Retry-After` header asks to wait (delta seconds or an HTTP date), or undefined when
 * the header is missing or unreadable.
 * @example parseRetryAfter('2') // 2000
 */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Exponential backoff with jitter for retry number `retry` (1 for the first retry): about `firstMs`,
 * then twice that, and so on, never above `maxMs`. Half of each delay is random so that many clients
 * do not retry in step.
 * @example backoffDelay(3, 500, 60_000) // between 1000 and 2000
 */
export function backoffDelay(retry: number, firstMs: number, maxMs: number): number {
  const full = Math.min(maxMs, firstMs * 2 ** (retry - 1));
  return full / 2 + Math.random() * (full / 2);
}
