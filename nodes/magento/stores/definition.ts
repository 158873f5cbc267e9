import { defineNode } from '../../contract/define-node.ts';
import type { MagentoClient } from '../transport/magento-client.ts';
import { magentoTransportInput } from '../transport/ports.ts';
import type { MagentoStore } from '../wire/records.ts';

/**
 * `magento.stores`: every store view of the shop (storeList, inactive ones included, admin excluded), read in full on
 * every run as reference data, before the entities that point at stores.
 */
export const magentoStoresNode = defineNode({
  type: 'magento.stores',
  version: 1,
  category: 'connector',
  channelType: 'magento',
  label: 'Magento store views',
  description: 'Reads every store view (id, code, website, name, active) with storeList. Reference data, read in full each run.',
  config: { type: 'object', additionalProperties: false, properties: {} },
  phase: 10,
  inputs: magentoTransportInput,
  outputs: { records: { socket: 'records:magento.store', label: 'Store views' } },
  async *read(ctx) {
    const stores = await ctx.transport<MagentoClient>().call<MagentoStore[]>('storeList');
    yield { records: stores };
  },
});
