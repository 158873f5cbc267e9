import { defineNode } from '../../contract/define-node.ts';
import { magentoTransportInput } from '../transport/ports.ts';
import { readOrders } from './read-orders.ts';

/**
 * `magento.orders`: orders changed since the last run, each in full (items, billing and shipping address, payment,
 * status history). Incremental by `updated_at` windows with an `order_id` cursor.
 */
export const magentoOrdersNode = defineNode({
  type: 'magento.orders',
  version: 1,
  category: 'connector',
  channelType: 'magento',
  label: 'Magento orders',
  description: 'Reads orders changed since the last run (salesOrderList), each in full with salesOrderInfo.',
  config: { type: 'object', additionalProperties: false, properties: {} },
  phase: 30,
  inputs: magentoTransportInput,
  outputs: { records: { socket: 'records:magento.order', label: 'Orders' } },
  read: (ctx) => readOrders(ctx),
});
