import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleMeta, startMagentoFixture, type MagentoFixture } from '../../fixtures/magento/index.ts';
import { ALL_MODES } from '../../fixtures/magento/test-client.ts';
import { countStored, magentoFlow, openTestStore, storedEntities, syncShop, type TestStore } from './magento-harness.ts';

const meta = loadSampleMeta();
const edge = meta.edge_cases as typeof meta.edge_cases & {
  unicode_customer_ids: number[];
  untrimmed_names_customer_ids: number[];
  eur_orders: string[];
  configurable_orders_parent_and_child_items: string[];
  free_orders: string[];
};
type Data = Record<string, unknown>;

describe.each(ALL_MODES)('a full Magento sync of the sample shop through runFlow (%s)', (mode) => {
  let shop: MagentoFixture;
  let target: TestStore;
  let persons: Map<string, Data>;
  let orders: Map<string, Data>;
  let run: Awaited<ReturnType<typeof syncShop>>;

  beforeAll(async () => {
    shop = await startMagentoFixture({ mode });
    target = await openTestStore();
    // A window boundary falls exactly on the three customers that share updated_at 2024-06-15 12:00:00.
    run = await syncShop(target, shop, magentoFlow({ soap: { syncStartDate: '2022-12-24 12:00:00', wsiMode: mode === 'wsi' } }));
    persons = await storedEntities(target, 'person');
    orders = await storedEntities(target, 'order');
  });
  afterAll(async () => {
    await target.close();
    await shop.close();
  });

  it('stores every customer, group, product, order and listed cart, and nothing is rejected', async () => {
    expect(run.errors).toEqual([]);
    expect(run.status).toBe('succeeded');
    const { counts } = meta;
    expect(await countStored(target)).toEqual({
      person: counts.customers, personGroup: counts.customer_groups, product: counts.products, order: counts.orders, cart: counts.carts,
    });
    const items = [...orders.values()].reduce((sum, order) => sum + (order.items as unknown[]).length, 0);
    expect(items).toBe(counts.order_items);
    expect(run.entities.added).toBe(counts.customers + counts.customer_groups + counts.products + counts.orders + counts.carts);
  });

  it('reads each customer once, also the ones whose updated_at ties on a window edge', () => {
    expect(shop.stats.calls.customerAddressList).toBe(meta.counts.customers);
    expect(shop.stats.calls.salesOrderInfo).toBe(meta.counts.orders);
    expect(shop.stats.calls.catalogProductInfo).toBe(meta.counts.products);
    for (const id of edge.customers_sharing_updated_at.customer_ids) {
      expect(persons.get(String(id))?.updatedAt).toBe('2024-06-15T12:00:00Z');
    }
    expect(shop.stats.calls.login).toBe(1);
    expect(shop.stats.calls.endSession).toBe(1);
  });

  it('keeps unicode names, trims untrimmed ones and lower-cases e-mails', () => {
    for (const id of edge.unicode_customer_ids) {
      const person = persons.get(String(id)) as Data;
      const customer = shop.data.customers.find((c) => c.customer_id === id);
      expect(person.firstName).toBe(customer?.firstname.trim());
      expect(person.lastName).toBe(customer?.lastname.trim());
    }
    const [untrimmed] = edge.untrimmed_names_customer_ids;
    expect(persons.get(String(untrimmed))).toMatchObject({ firstName: 'Anna', lastName: 'Schmidt' });
    const mixedCase = shop.data.customers.find((c) => c.email !== c.email.toLowerCase());
    expect(mixedCase).toBeDefined();
    expect(persons.get(String(mixedCase?.customer_id))?.email).toBe(mixedCase?.email.trim().toLowerCase());
  });

  it('keeps two customers sharing an e-mail on two websites apart', () => {
    const { email, customer_ids: ids } = edge.duplicate_email as { email: string; customer_ids: number[] };
    const [first, second] = ids.map((id) => persons.get(String(id)) as Data);
    expect(first.email).toBe(email);
    expect(second.email).toBe(email);
    expect(first.groupIds).not.toEqual(second.groupIds);
  });

  it('maps addresses with region codes, default types and the primary flag', () => {
    const withDefaults = persons.get('1') as { addresses: Data[] };
    expect(withDefaults.addresses).toEqual([
      expect.objectContaining({ types: ['billing'], primary: true, region: 'CA', country: 'US' }),
      expect.objectContaining({ types: ['shipping'], primary: false, region: 'NY', organization: 'Smith & Sons <Ltd>' }),
    ]);
    const [noDefault] = edge.customers_without_default_address;
    expect((persons.get(String(noDefault)) as { addresses: Data[] }).addresses).toEqual([
      expect.not.objectContaining({ types: expect.anything() }),
    ]);
    for (const id of edge.customers_without_addresses) expect(persons.get(String(id))).not.toHaveProperty('addresses');
  });

  it('stores guest orders and orders of deleted customers without a customer but with their e-mail', () => {
    for (const id of [...edge.guest_orders, ...edge.orders_of_deleted_customers]) {
      const order = orders.get(id) as Data;
      expect(order).not.toHaveProperty('customer');
      expect(order.customerEmail).toMatch(/@/);
    }
    const registered = shop.data.orders.find((o) => o.customer_id !== undefined);
    expect(orders.get(String(registered?.increment_id))?.customer).toEqual({ originId: registered?.customer_id });
  });

  it('stores virtual orders with only a billing address, EUR orders in EUR', () => {
    for (const id of edge.virtual_orders_without_shipping_address) {
      expect((orders.get(id)?.addresses as Data[]).map((a) => a.types)).toEqual([['billing']]);
    }
    for (const id of edge.eur_orders) expect(orders.get(id)?.currency).toBe('EUR');
  });

  it('keeps configurable parent and child lines, linking the child, and lines of deleted products', () => {
    for (const id of edge.configurable_orders_parent_and_child_items) {
      const items = orders.get(id)?.items as Data[];
      const parents = items.filter((item) => item.productType === 'configurable');
      expect(parents.length).toBeGreaterThan(0);
      for (const parent of parents) {
        expect(items).toContainEqual(expect.objectContaining({ parentOriginId: parent.originId, sku: parent.sku, price: '0.0000' }));
      }
    }
    const [withDeleted] = edge.orders_with_deleted_product;
    const source = shop.data.orders.find((o) => o.increment_id === withDeleted);
    expect((orders.get(withDeleted)?.items as Data[]).map((item) => item.originId)).toEqual(source?.items.map((item) => item.item_id));
  });

  it('keeps money as 4-place decimal strings, with the order discount negative as Magento stores it', () => {
    const discounted = [...orders.values()].find((order) => order.discountAmount !== '0.0000') as Data;
    expect(discounted.discountAmount).toMatch(/^-\d+\.\d{4}$/);
    const sum = ['subtotalAmount', 'shippingAmount', 'taxAmount', 'discountAmount'].reduce((total, field) => total + Number(discounted[field]), 0);
    expect(sum.toFixed(4)).toBe(discounted.totalAmount);
    const [free] = edge.free_orders;
    expect(orders.get(free)?.totalAmount).toBe('0.0000');
  });

  it('stores the listed carts with lines, parents and status', async () => {
    const carts = await storedEntities(target, 'cart');
    const [withChild] = edge.carts.with_child_item;
    const items = carts.get(String(withChild))?.items as Data[];
    expect(items[1]).toMatchObject({ parentOriginId: items[0].originId });
    for (const id of edge.carts.guest) expect(carts.get(String(id))).not.toHaveProperty('customer');
    expect(carts.get(String(edge.carts.converted[0]))?.status).toBe('converted');
    expect(carts.get(String(edge.carts.empty[0]))).not.toHaveProperty('items');
  });

  it('re-running reads nothing new and rewrites nothing', async () => {
    const flow = magentoFlow({ soap: { syncStartDate: '2022-12-24 12:00:00' } });
    const listedQuotes = (flow.nodes.find((node) => node.id === 'carts')?.config.quoteIds as number[]).length;
    const again = await syncShop(target, shop, flow);
    expect(again.status).toBe('succeeded');
    // Customer groups are reference data, read in full; the listed quotes are read on every run (the API cannot list carts).
    expect(again.entities).toEqual({ added: 0, updated: 0, unchanged: meta.counts.customer_groups + listedQuotes });
    expect(again.nodes.customers.out).toBe(0);
  });
});
