import { describe, expect, it } from 'vitest';
import { sleep, unique, type StoreGetter } from './fixtures.ts';

/** One run per flow: leases with a time-to-live. */
export function describeLeaseContract(store: StoreGetter): void {
  describe('leases', () => {
    it('gives a free lease to one owner and refuses everyone else, the holder included, until released', async () => {
      const flow = unique('flow');
      expect(await store().leaseHolder(flow)).toBeUndefined();
      expect(await store().acquireLease(flow, 'worker-a', 60_000)).toBe(true);
      expect(await store().acquireLease(flow, 'worker-b', 60_000)).toBe(false);
      expect(await store().acquireLease(flow, 'worker-a', 60_000)).toBe(false);
      const holder = await store().leaseHolder(flow);
      expect(holder?.owner).toBe('worker-a');
      expect(Date.parse(holder!.expiresAt)).toBeGreaterThan(Date.now());
      expect(await store().acquireLease(unique('flow'), 'worker-b', 60_000)).toBe(true);

      await store().releaseLease(flow, 'worker-b');
      expect((await store().leaseHolder(flow))?.owner).toBe('worker-a');
      await store().releaseLease(flow, 'worker-a');
      expect(await store().leaseHolder(flow)).toBeUndefined();
      expect(await store().acquireLease(flow, 'worker-b', 60_000)).toBe(true);
    });

    it('renews only for its owner', async () => {
      const flow = unique('flow');
      await store().acquireLease(flow, 'worker-a', 60_000);
      expect(await store().renewLease(flow, 'worker-a', 120_000)).toBe(true);
      expect(await store().renewLease(flow, 'worker-b', 120_000)).toBe(false);
      expect((await store().leaseHolder(flow))?.owner).toBe('worker-a');
      expect(await store().renewLease(unique('flow'), 'worker-a', 1000)).toBe(false);
    });

    it('lets another owner in once a lease expires, and the old owner then loses it', async () => {
      const flow = unique('flow');
      expect(await store().acquireLease(flow, 'worker-a', 50)).toBe(true);
      await sleep(120);
      expect(await store().leaseHolder(flow)).toBeUndefined();
      expect(await store().acquireLease(flow, 'worker-b', 60_000)).toBe(true);
      expect(await store().renewLease(flow, 'worker-a', 60_000)).toBe(false);
      await store().releaseLease(flow, 'worker-a');
      expect((await store().leaseHolder(flow))?.owner).toBe('worker-b');
    });
  });
}
