import { defineNode } from '../../contract/define-node.ts';
import { magentoTransportInput } from '../transport/ports.ts';
import { readCartsOfOrders, readConfiguredCarts } from './read-carts.ts';

/**
 * `magento.carts`: Magento's standard SOAP API cannot list carts (only the Oro bridge could), so this connector is fed
 * by orders: it reads the quote each order was placed from (shoppingCartInfo by `quote_id`), plus the quote ids
 * listed in its config. Abandoned carts that never became an order are only read when listed in `quoteIds`.
 */
export const magentoCartsNode = defineNode({
  type: 'magento.carts',
  version: 1,
  category: 'connector',
  channelType: 'magento',
  label: 'Magento carts',
  description: 'Reads the carts (quotes) behind the orders it receives, plus listed quote ids, with shoppingCartInfo.',
  config: {
    type: 'object',
    additionalProperties: false,
    properties: {
      quoteIds: {
        type: 'array', default: [], uniqueItems: true, title: 'Quote ids',
        description: 'Further quotes to read on every run, also when no order arrives (abandoned carts the API cannot list).',
        items: { type: 'integer', minimum: 1 },
      },
    },
  },
  phase: 40,
  inputs: {
    ...magentoTransportInput,
    orders: { socket: 'records:magento.order', label: 'Orders', required: true },
  },
  outputs: { records: { socket: 'records:magento.cart', label: 'Carts' } },
  transform: (orders, ctx) => readCartsOfOrders(orders, ctx),
  finish: (ctx) => readConfiguredCarts(ctx),
});
