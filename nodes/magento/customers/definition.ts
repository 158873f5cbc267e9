import { defineNode } from '../../contract/define-node.ts';
import { magentoTransportInput } from '../transport/ports.ts';
import { readCustomers } from './read-customers.ts';

/**
 * `magento.customers`: customers changed since the last run, with their addresses. Incremental by `updated_at`
 * windows with an id cursor (see the transport's sync settings); a full sync starts at syncStartDate.
 */
export const magentoCustomersNode = defineNode({
  type: 'magento.customers',
  version: 1,
  category: 'connector',
  channelType: 'magento',
  label: 'Magento customers',
  description: 'Reads customers changed since the last run (customerCustomerList) with their addresses (customerAddressList).',
  config: { type: 'object', additionalProperties: false, properties: {} },
  phase: 20,
  inputs: magentoTransportInput,
  outputs: { records: { socket: 'records:magento.customer', label: 'Customers' } },
  read: (ctx) => readCustomers(ctx),
});
