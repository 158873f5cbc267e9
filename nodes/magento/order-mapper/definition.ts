import { defineNode } from '../../contract/define-node.ts';
import { mapEach } from '../mapping/map-each.ts';
import { mapperPorts } from '../mapping/ports.ts';
import { mapOrder } from './map-order.ts';

/** `magento.order-mapper`: Magento orders → order entities with items and addresses, keyed by increment_id. */
export const magentoOrderMapperNode = defineNode({
  type: 'magento.order-mapper',
  version: 1,
  category: 'mapper',
  channelType: 'magento',
  label: 'Magento order → order',
  description: 'Maps Magento orders (with items, addresses, payment) to orders; guest orders keep their e-mail.',
  config: { type: 'object', additionalProperties: false, properties: {} },
  ...mapperPorts('order', 'order', 'Orders'),
  transform: (records, ctx) => mapEach(records, ctx, mapOrder),
});
