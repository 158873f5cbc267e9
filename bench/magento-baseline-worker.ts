// Child process of `npm run bench -- magento`: the hand-written baseline. The same SOAP calls as the demo flow
// (reference data, windowed lists, one detail call per record, the quote of every order, 4 calls in flight) and the
// same entities written to SQLite in batched transactions, with no framework. It reuses the channel's pure pieces
// (wire normalizer, mapping functions) so the comparison measures what the runtime adds around them.
import { createHash } from 'node:crypto';
import type { EntityInput } from '../nodes/contract/batch.ts';
import { createAjv } from '../nodes/contract/ajv.ts';
import { BUILT_IN_ENTITY_TYPES } from '../nodes/entities/registry.ts';
import { mapCart } from '../nodes/magento/cart-mapper/map-cart.ts';
import { mapCustomerGroup } from '../nodes/magento/customer-group-mapper/definition.ts';
import { mapCustomer } from '../nodes/magento/customer-mapper/map-customer.ts';
import { mapOrder } from '../nodes/magento/order-mapper/map-order.ts';
import { mapProduct } from '../nodes/magento/product-mapper/map-product.ts';
import type { MagentoAddress, MagentoCart, MagentoCustomer, MagentoCustomerGroup, MagentoOrder, MagentoProduct } from '../nodes/magento/wire/records.ts';
import { openBaselineTable } from './baseline-table.ts';
import { openBaselineShop, pool } from './magento-baseline-shop.ts';

type Row = Record<string, unknown>;
const [wsdlUrl, apiKey, dataDir] = process.argv.slice(2);
const table = openBaselineTable(dataDir);
const ajv = createAjv({ useDefaults: false });
const validators = new Map(BUILT_IN_ENTITY_TYPES.map((info) => [info.type, ajv.compile(info.schema)]));
const write = table.db.transaction((batch: EntityInput[], now: string) => {
  for (const entity of batch) {
    if (!validators.get(entity.type)?.(entity.data)) continue;
    const json = JSON.stringify(entity.data);
    table.upsert(entity.type, 'baseline', entity.originId, json, createHash('sha256').update(json).digest('hex'), '', now);
  }
});
let records = 0;
const store = (batch: EntityInput[]) => {
  write(batch, new Date().toISOString());
  records += batch.length;
};

const started = performance.now();
const shop = await openBaselineShop(wsdlUrl, apiKey);
const regions = new Map<string, Promise<Map<string, string>>>();
const regionCodes = (country: string) => {
  if (!regions.has(country)) {
    regions.set(country, shop.tryCall<Row[]>('directoryRegionList', { country }, ['101'])
      .then((list) => new Map((list ?? []).map((r) => [String(r.region_id), String(r.code)]))));
  }
  return regions.get(country) as Promise<Map<string, string>>;
};
const coded = async <A extends MagentoAddress | undefined>(a: A): Promise<A> => {
  if (!a?.country_id || a.region_id === undefined) return a;
  const code = (await regionCodes(a.country_id)).get(String(a.region_id));
  return code ? { ...a, region_code: code } : a;
};

await shop.call('storeList');
for (const country of ['US', 'CA', 'DE', 'AT', 'ES', 'FR', 'GB']) await shop.call('directoryRegionList', { country });
store((await shop.call<MagentoCustomerGroup[]>('customerGroupList')).map(mapCustomerGroup));
const byId = (field: string) => (row: Row) => Number(row[field]);
for await (const rows of shop.windows('customerCustomerList', '2023-01-01 00:00:00', 7, byId('customer_id'))) {
  store(await pool(rows, 4, async (row) => {
    const addresses = await shop.call<MagentoAddress[]>('customerAddressList', { customerId: row.customer_id });
    return mapCustomer({ ...row, addresses: await Promise.all(addresses.map(coded)) } as MagentoCustomer);
  }));
}
for await (const rows of shop.windows('catalogProductList', '2023-01-01 00:00:00', 7, byId('product_id'))) {
  const infos = await pool(rows, 4, (row) => shop.call<MagentoProduct>('catalogProductInfo', { productId: String(row.product_id), identifierType: 'id' }));
  store(infos.map((info) => mapProduct(info, { currency: 'USD', websiteCurrencies: { 1: 'USD', 2: 'EUR' } })));
}
const quotes = new Set<number>();
const cartOf = async (quoteId: number, storeId?: string) => {
  if (quotes.has(quoteId)) return undefined;
  quotes.add(quoteId);
  const cart = await shop.tryCall<MagentoCart>('shoppingCartInfo', { quoteId, ...(storeId ? { storeId } : {}) }, ['1001', '1002']);
  return cart && { ...cart, billing_address: await coded(cart.billing_address), shipping_address: await coded(cart.shipping_address) };
};
let configured = false;
for await (const rows of shop.windows('salesOrderList', '2023-01-01 00:00:00', 7, byId('order_id'))) {
  const orders = await pool(rows, 4, async (row) => {
    const order = await shop.call<MagentoOrder>('salesOrderInfo', { orderIncrementId: String(row.increment_id) });
    return { ...order, billing_address: await coded(order.billing_address), shipping_address: await coded(order.shipping_address) };
  });
  store(orders.map(mapOrder));
  const wanted = [...(configured ? [] : Array.from({ length: 10 }, (_, i) => ({ quote: 2001 + i, store: undefined }))),
    ...orders.map((o) => ({ quote: Number(o.quote_id), store: o.store_id }))];
  if (orders.length > 0) configured = true;
  const carts = await pool(wanted, 4, (w) => cartOf(w.quote, w.store));
  store(carts.flatMap((cart) => (cart ? [mapCart(cart as MagentoCart)] : [])));
}
await shop.end();
const seconds = (performance.now() - started) / 1000;
const storeBytes = table.close();
process.stdout.write(`${JSON.stringify({ records, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, storeBytes })}\n`);
