import { defineNode } from '../../contract/define-node.ts';
import { mapEach } from '../mapping/map-each.ts';
import { mapperPorts } from '../mapping/ports.ts';
import { mapCustomer } from './map-customer.ts';

/** `magento.customer-mapper`: Magento customers (with addresses) → person entities, keyed by customer_id. */
export const magentoCustomerMapperNode = defineNode({
  type: 'magento.customer-mapper',
  version: 1,
  category: 'mapper',
  channelType: 'magento',
  label: 'Magento customer → person',
  description: 'Maps Magento customers to persons: trimmed names, lower-case e-mail, birthday, addresses, customer group.',
  config: { type: 'object', additionalProperties: false, properties: {} },
  ...mapperPorts('customer', 'person', 'Customers'),
  transform: (records, ctx) => mapEach(records, ctx, mapCustomer),
});
