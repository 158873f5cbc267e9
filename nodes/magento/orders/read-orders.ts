import type { SourceBatch } from '../../contract/batch.ts';
import type { ProcessContext } from '../../contract/context.ts';
import { readWindows, type ListRow } from '../sync/read-windows.ts';
import { withRegionCode } from '../sync/region-codes.ts';
import type { WindowCursor } from '../sync/window-cursor.ts';
import type { MagentoClient } from '../transport/magento-client.ts';
import { isMagentoFault } from '../transport/ports.ts';
import type { MagentoOrder } from '../wire/records.ts';

/** The full order (salesOrderInfo) with region codes; undefined when it no longer exists (fault 100). */
async function orderInfo(client: MagentoClient, row: ListRow): Promise<MagentoOrder | undefined> {
  let order: MagentoOrder;
  try {
    order = await client.call<MagentoOrder>('salesOrderInfo', { orderIncrementId: String(row.increment_id) });
  } catch (error) {
    if (isMagentoFault(error, '100')) return undefined;
    throw error;
  }
  const [billing, shipping] = await Promise.all([
    withRegionCode(client, order.billing_address), withRegionCode(client, order.shipping_address),
  ]);
  return {
    ...order,
    order_id: order.order_id ?? String(row.order_id),
    ...(billing ? { billing_address: billing } : {}),
    ...(shipping ? { shipping_address: shipping } : {}),
  };
}

/**
 * Orders changed since the cursor (salesOrderList by `updated_at` window and `order_id`, the entity id), each read
 * in full with salesOrderInfo (items, addresses, payment, status history). An order gone meanwhile is skipped.
 */
export function readOrders(ctx: ProcessContext<unknown>): AsyncGenerator<SourceBatch<MagentoOrder, WindowCursor>> {
  const client = ctx.transport<MagentoClient>();
  return readWindows<MagentoOrder>(ctx, client, {
    listOperation: 'salesOrderList',
    idField: 'order_id',
    idOf: (row) => Number(row.order_id),
    async complete(row) {
      const order = await orderInfo(client, row);
      if (!order) ctx.log.info(`order ${String(row.increment_id)} disappeared while it was read; skipped`);
      return order;
    },
  });
}
