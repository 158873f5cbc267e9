import { defineNode } from '../../contract/define-node.ts';
import type { MagentoClient } from '../transport/magento-client.ts';
import { magentoTransportInput } from '../transport/ports.ts';
import type { MagentoCustomerGroup } from '../wire/records.ts';

/** `magento.customer-groups`: the customer groups (customerGroupList), read in full on every run as reference data. */
export const magentoCustomerGroupsNode = defineNode({
  type: 'magento.customer-groups',
  version: 1,
  category: 'connector',
  channelType: 'magento',
  label: 'Magento customer groups',
  description: 'Reads the customer groups (NOT LOGGED IN, General, Wholesale …) with customerGroupList. Read in full each run.',
  config: { type: 'object', additionalProperties: false, properties: {} },
  phase: 10,
  inputs: magentoTransportInput,
  outputs: { records: { socket: 'records:magento.customer-group', label: 'Customer groups' } },
  async *read(ctx) {
    const groups = await ctx.transport<MagentoClient>().call<MagentoCustomerGroup[]>('customerGroupList');
    yield { records: groups };
  },
});
