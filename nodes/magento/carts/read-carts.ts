import type { ProcessContext } from '../../contract/context.ts';
import { mapLimit } from '../sync/map-limit.ts';
import { withRegionCode } from '../sync/region-codes.ts';
import type { MagentoClient } from '../transport/magento-client.ts';
import { isMagentoFault } from '../transport/ports.ts';
import { storeArgument } from '../wire/operations.ts';
import type { MagentoCart, MagentoOrder } from '../wire/records.ts';

/** Config of magento.carts. */
export interface CartsConfig {
  quoteIds: number[];
}

/** What one run of the node remembers between batches: the quotes already read, and whether the configured ones were. */
interface RunMemory {
  seen: Set<number>;
  configuredRead: boolean;
}

// Keyed by the node's context, which the runtime creates once per node and run: the memory lives exactly one run.
const runs = new WeakMap<object, RunMemory>();

interface QuoteRequest {
  quoteId: number;
  storeId?: string;
}

/** A quote in full with region codes; undefined when Magento no longer has it (fault 1002) or its store (1001). */
async function quoteInfo(client: MagentoClient, request: QuoteRequest): Promise<MagentoCart | undefined> {
  const store = request.storeId ? { [storeArgument(client.style, 'shoppingCartInfo')]: request.storeId } : {};
  let cart: MagentoCart;
  try {
    cart = await client.call<MagentoCart>('shoppingCartInfo', { quoteId: request.quoteId, ...store });
  } catch (error) {
    if (isMagentoFault(error, '1001', '1002')) return undefined;
    throw error;
  }
  const [billing, shipping] = await Promise.all([withRegionCode(client, cart.billing_address), withRegionCode(client, cart.shipping_address)]);
  return { ...cart, ...(billing ? { billing_address: billing } : {}), ...(shipping ? { shipping_address: shipping } : {}) };
}

function requestsFor(orders: readonly unknown[], memory: RunMemory, config: CartsConfig): QuoteRequest[] {
  const requests: QuoteRequest[] = [];
  const add = (quoteId: number, storeId?: string) => {
    if (!Number.isInteger(quoteId) || quoteId <= 0 || memory.seen.has(quoteId)) return;
    memory.seen.add(quoteId);
    requests.push({ quoteId, storeId });
  };
  if (!memory.configuredRead) {
    memory.configuredRead = true;
    for (const quoteId of config.quoteIds) add(quoteId);
  }
  for (const order of orders as MagentoOrder[]) {
    if (order?.quote_id !== undefined && order.quote_id !== '') add(Number(order.quote_id), order.store_id);
  }
  return requests;
}

/**
 * The carts (quotes) behind a batch of orders: the standard API cannot list carts, so each order's `quote_id` is read
 * with shoppingCartInfo (in the order's store view), once per run, plus the configured `quoteIds` with the first batch
 * of the run. A quote Magento no longer has (its cleanup cron deletes old quotes) is skipped, not rejected.
 */
export async function readCartsOfOrders(orders: unknown[], ctx: ProcessContext<CartsConfig>): Promise<MagentoCart[]> {
  return readQuotes(requestsFor(orders, memoryOf(ctx), ctx.config), ctx);
}

/**
 * At the end of a run: the configured `quoteIds` not read yet, which is all of them when the run received no
 * orders (an incremental run with no new orders still refreshes the listed carts).
 */
export async function readConfiguredCarts(ctx: ProcessContext<CartsConfig>): Promise<MagentoCart[]> {
  return readQuotes(requestsFor([], memoryOf(ctx), ctx.config), ctx);
}

function memoryOf(ctx: ProcessContext<CartsConfig>): RunMemory {
  let memory = runs.get(ctx);
  if (!memory) {
    memory = { seen: new Set(), configuredRead: false };
    runs.set(ctx, memory);
  }
  return memory;
}

async function readQuotes(requests: QuoteRequest[], ctx: ProcessContext<CartsConfig>): Promise<MagentoCart[]> {
  const client = ctx.transport<MagentoClient>();
  const carts = await mapLimit(requests, client.concurrency, (request) => quoteInfo(client, request), ctx.signal);
  const missing = carts.filter((cart) => cart === undefined).length;
  if (missing > 0) ctx.log.debug(`${missing} of ${requests.length} quotes no longer exist in Magento; skipped`);
  return carts.filter((cart): cart is MagentoCart => cart !== undefined);
}
