import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../runtime/webhooks/rate-limiter.ts';

describe('RateLimiter', () => {
  it('lets a minute\'s allowance through at once, then one more per 60/n seconds, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    for (let i = 0; i < 6; i++) expect(limiter.take('a', 6)).toEqual({ allowed: true });
    expect(limiter.take('a', 6)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(limiter.take('b', 6)).toEqual({ allowed: true });
    now += 4_000;
    expect(limiter.take('a', 6)).toEqual({ allowed: false, retryAfterSeconds: 6 });
    now += 6_000;
    expect(limiter.take('a', 6)).toEqual({ allowed: true });
  });
});
