import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSampleMeta, startMagentoFixture, type MagentoFixture } from '../../fixtures/magento/index.ts';
import { cursorOf, failAtCall, magentoFlow, openTestStore, storedEntities, syncShop, type TestStore } from './magento-harness.ts';

const meta = loadSampleMeta();
const totalEntities = meta.counts.customers + meta.counts.customer_groups + meta.counts.products + meta.counts.orders + meta.counts.carts;
let shop: MagentoFixture;
let target: TestStore;

beforeEach(async () => {
  shop = await startMagentoFixture({ mode: 'rpc-php' });
  target = await openTestStore();
});
afterEach(async () => {
  await target.close();
  await shop.close();
});

const flow = (soap: Record<string, unknown> = {}) => magentoFlow({ soap: { windowDays: 365, ...soap } });

describe('Magento sync under faults', () => {
  it('fails with a plain message naming the user, never the key, when the API key is wrong', async () => {
    const run = await syncShop(target, shop, flow(), { apiKey: 'wrong-key-4711' });
    expect(run.status).toBe('failed');
    expect(run.errors[0]).toMatchObject({ nodeId: 'soap', code: 'config_invalid' });
    expect(run.errors[0].message).toMatch(/refused the API user "oro" or its API key \(fault 2: Access denied\)/);
    expect(run.errors[0].message).toMatch(/apiKey/);
    expect(JSON.stringify(run)).not.toContain('wrong-key-4711');
    expect(shop.stats.calls.login).toBe(1);
    expect(await target.store.countEntities('magento-demo')).toEqual({});
  });

  it('logs in again once when the session expires mid-sync, and succeeds', async () => {
    failAtCall(shop, 'salesOrderInfo', 40, 'expire-session');
    const run = await syncShop(target, shop, flow());
    expect(run.status).toBe('succeeded');
    expect(shop.stats.calls.login).toBe(2);
    expect(shop.stats.faults['5']).toBeGreaterThanOrEqual(1);
    expect(run.entities.added).toBe(totalEntities);
    expect(JSON.stringify(run)).not.toMatch(/[0-9a-f]{32}/);
  });

  it('retries 503s, a 502, a non-XML reply, a truncated reply and a timeout, and succeeds', async () => {
    failAtCall(shop, 'customerAddressList', 3, 'http503', 2);
    failAtCall(shop, 'catalogProductInfo', 5, 'http502');
    failAtCall(shop, 'salesOrderInfo', 7, 'non-xml-200');
    failAtCall(shop, 'customerCustomerList', 2, 'malformed-xml');
    shop.hooks.failNext(1, 'delay', { operation: 'customerGroupList', ms: 1500 });
    const run = await syncShop(target, shop, flow({ timeoutMs: 400 }));
    expect(run.status).toBe('succeeded');
    expect(run.entities.added).toBe(totalEntities);
    expect(shop.stats.injected).toMatchObject({ http503: 2, http502: 1, 'non-xml-200': 1, 'malformed-xml': 1, delay: 1 });
    expect(shop.stats.calls).toMatchObject({
      customerAddressList: meta.counts.customers + 2, catalogProductInfo: meta.counts.products + 1,
      salesOrderInfo: meta.counts.orders + 1, customerGroupList: 2,
    });
  });

  it('gives up after the configured retries with the reason and the number of tries', async () => {
    shop.hooks.failNext(10, 'http503', { operation: 'storeList' });
    const run = await syncShop(target, shop, flow({ retries: 2 }));
    expect(run.status).toBe('failed');
    expect(run.errors[0].message).toMatch(/answered storeList with HTTP 503 .*\(tried 3 times\)/);
    expect(shop.stats.calls.storeList).toBe(3);
  });

  it('fails at once on a permanent fault, saying what to fix', async () => {
    const base = flow();
    const regions = base.nodes.find((node) => node.id === 'regions');
    if (regions) regions.config = { countries: ['US', 'XX'] };
    const run = await syncShop(target, shop, base);
    expect(run.status).toBe('failed');
    expect(run.errors[0]).toMatchObject({ nodeId: 'regions', code: 'config_invalid' });
    expect(run.errors[0].message).toMatch(/does not know the country "XX" \(fault 101\); fix config\.countries/);
    expect(shop.stats.calls.directoryRegionList).toBe(2);
  });

  it('never commits a cursor past what was stored when a run dies mid-way, and the re-run completes the store', async () => {
    const small = { ...flow({ retries: 0 }), settings: { batchSize: 10 } };
    failAtCall(shop, 'salesOrderInfo', 57, 'http503');
    const failed = await syncShop(target, shop, small);
    expect(failed.status).toBe('failed');
    const cursor = await cursorOf(target, 'orders');
    const stored = new Set((await storedEntities(target, 'order')).keys());
    expect(stored.size).toBeGreaterThan(0);
    expect(stored.size).toBeLessThan(meta.counts.orders);
    expect(cursor).toBeDefined();
    // The cursor claims every order of the windows before its own and those of its window up to lastId: all must be
    // stored. The store may hold a few more (a batch stored on one path whose cursor waited for the carts path).
    const windowStart = String(cursor?.windowStart);
    const windowEnd = new Date(Date.parse(`${windowStart.replace(' ', 'T')}Z`) + 365 * 86_400_000 - 1000).toISOString().slice(0, 19).replace('T', ' ');
    const covered = shop.data.orders.filter((o) => o.updated_at < windowStart
      || (o.updated_at <= windowEnd && Number(o.order_id) <= Number(cursor?.lastId)));
    expect(covered.length).toBeGreaterThan(0);
    for (const order of covered) expect(stored.has(order.increment_id)).toBe(true);

    const cartsBefore = (await storedEntities(target, 'cart')).size;
    const rerun = await syncShop(target, shop, small);
    expect(rerun.status).toBe('succeeded');
    expect((await storedEntities(target, 'order')).size).toBe(meta.counts.orders);
    expect(rerun.entities.added).toBe(meta.counts.orders - stored.size + meta.counts.carts - cartsBefore);
  });
});
