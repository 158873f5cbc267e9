import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSampleMeta, startMagentoFixture, type MagentoFixture } from '../../fixtures/magento/index.ts';
import { cursorOf, failAtCall, magentoFlow, openTestStore, storedEntities, syncShop, type TestStore } from './magento-harness.ts';

const meta = loadSampleMeta();
const edge = meta.edge_cases;
const flow = () => magentoFlow({ soap: { windowDays: 60, skewMinutes: 10 } });
const iso = (magentoTime: string) => `${magentoTime.replace(' ', 'T')}Z`;

describe('incremental Magento sync after a first full one', () => {
  let shop: MagentoFixture;
  let target: TestStore;
  let firstRunId: string;
  let syncStarted: number;

  beforeAll(async () => {
    shop = await startMagentoFixture({ mode: 'rpc-php' });
    target = await openTestStore();
    syncStarted = Date.now();
    const first = await syncShop(target, shop, flow());
    expect(first.status).toBe('succeeded');
    firstRunId = first.id;
  });
  afterAll(async () => {
    await target.close();
    await shop.close();
  });

  it('commits a cursor that re-reads from the shop clock minus the skew margin', async () => {
    const cursor = await cursorOf(target, 'customers');
    const start = Date.parse(iso(String(cursor?.windowStart)));
    expect(start).toBeGreaterThanOrEqual(Math.floor(syncStarted / 1000) * 1000 - 10 * 60_000);
    expect(start).toBeLessThanOrEqual(Date.now() - 10 * 60_000 + 1000);
    expect(cursor).toMatchObject({ lastId: 0, highWater: shop.data.customers.map((c) => c.updated_at).sort().at(-1) });
  });

  it('after touching three customers and adding an order, changes exactly those, calling Info only for them', async () => {
    const touched = [3, 12, 30];
    for (const id of touched) shop.hooks.touchCustomer(id);
    const order = shop.hooks.addOrder({ customer_id: '5' });
    shop.hooks.resetStats();

    const run = await syncShop(target, shop, flow());
    expect(run.status).toBe('succeeded');
    expect(run.nodes.customers.out).toBe(touched.length);
    expect(run.nodes.orders.out).toBe(1);
    expect(run.entities.added).toBe(1);
    expect(run.entities.updated).toBe(touched.length);
    expect(shop.stats.calls).toMatchObject({
      login: 1, customerCustomerList: 1, customerAddressList: touched.length, salesOrderList: 1, salesOrderInfo: 1,
      catalogProductList: 1, catalogProductInfo: 0,
    });

    const persons = await storedEntities(target, 'person');
    for (const id of touched) {
      expect(persons.get(String(id))?.updatedAt).toBe(iso(shop.data.customers.find((c) => c.customer_id === id)?.updated_at ?? ''));
    }
    expect((await storedEntities(target, 'order')).get(order.increment_id)).toMatchObject({ customer: { originId: '5' } });
    expect(await target.store.getEntity('person', 'magento-demo', '1')).toMatchObject({ runId: firstRunId });
  });

  it('misses an edit of a non-default address until a full sync, which finds everything else unchanged', async () => {
    const customer = shop.data.customers.find((c) => (shop.data.customerAddresses[String(c.customer_id)] ?? [])
      .some((a) => !a.is_default_billing && !a.is_default_shipping));
    const address = shop.data.customerAddresses[String(customer?.customer_id)].find((a) => !a.is_default_billing && !a.is_default_shipping);
    shop.hooks.editAddress(Number(address?.customer_address_id), { city: 'Springfield' });
    const incremental = await syncShop(target, shop, flow());
    expect(incremental.entities.updated).toBe(0);
    const unchanged = (await storedEntities(target, 'person')).get(String(customer?.customer_id)) as { addresses: Array<{ city: string }> };
    expect(unchanged.addresses.map((a) => a.city)).not.toContain('Springfield');

    shop.hooks.resetStats();
    const full = await syncShop(target, shop, flow(), { full: true });
    expect(full.entities).toMatchObject({ added: 0, updated: 1 });
    expect(shop.stats.calls.customerAddressList).toBe(meta.counts.customers);
    const person = (await storedEntities(target, 'person')).get(String(customer?.customer_id)) as { addresses: Array<{ city: string }> };
    expect(person.addresses.map((a) => a.city)).toContain('Springfield');
  });
});

describe('a Magento sync that fails among updated_at ties', () => {
  let shop: MagentoFixture;
  let target: TestStore;
  beforeEach(async () => {
    shop = await startMagentoFixture({ mode: 'rpc' });
    target = await openTestStore();
  });
  afterEach(async () => {
    await target.close();
    await shop.close();
  });

  it('resumes inside the window from the last stored id, losing and doubling nothing', async () => {
    const tie = edge.customers_sharing_updated_at;
    const position = shop.data.customers.filter((c) => c.updated_at < tie.updated_at).length + 2;
    // A window starts exactly at the tie; one customer per batch, one call at a time, no retries.
    const tiedFlow = () => ({
      ...magentoFlow({ soap: { syncStartDate: '2022-12-24 12:00:00', retries: 0, concurrency: 1 } }), settings: { batchSize: 1 },
    });
    failAtCall(shop, 'customerAddressList', position, 'http503');
    const failed = await syncShop(target, shop, tiedFlow());
    expect(failed.status).toBe('failed');
    expect(failed.errors[0].message).toMatch(/customerAddressList with HTTP 503/);
    expect(await cursorOf(target, 'customers')).toMatchObject({ windowStart: tie.updated_at, lastId: tie.customer_ids[0] });
    const stored = await storedEntities(target, 'person');
    expect(stored.has(String(tie.customer_ids[0]))).toBe(true);
    expect(stored.has(String(tie.customer_ids[1]))).toBe(false);

    shop.hooks.resetStats();
    const resumed = await syncShop(target, shop, tiedFlow());
    expect(resumed.status).toBe('succeeded');
    expect(shop.stats.calls.customerAddressList).toBe(meta.counts.customers - stored.size);
    expect(resumed.nodes['to-person'].out).toBe(meta.counts.customers - stored.size);
    expect((await storedEntities(target, 'person')).size).toBe(meta.counts.customers);
  });
});
