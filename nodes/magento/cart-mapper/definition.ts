import { defineNode } from '../../contract/define-node.ts';
import { mapEach } from '../mapping/map-each.ts';
import { mapperPorts } from '../mapping/ports.ts';
import { mapCart } from './map-cart.ts';

/** `magento.cart-mapper`: Magento quotes → cart entities with lines and addresses, keyed by quote_id. */
export const magentoCartMapperNode = defineNode({
  type: 'magento.cart-mapper',
  version: 1,
  category: 'mapper',
  channelType: 'magento',
  label: 'Magento cart → cart',
  description: 'Maps Magento quotes to carts: lines (with configurable parents), totals, currency, status open/converted/inactive.',
  config: { type: 'object', additionalProperties: false, properties: {} },
  ...mapperPorts('cart', 'cart', 'Carts'),
  transform: (records, ctx) => mapEach(records, ctx, mapCart),
});
