import { defineNode } from '../../contract/define-node.ts';
import { magentoTransportInput } from '../transport/ports.ts';
import { readProducts } from './read-products.ts';

/**
 * `magento.products`: products changed since the last run, each in full (catalogProductInfo: price, status, websites,
 * tier prices …), optionally in one store view. Incremental by `updated_at` windows with a `product_id` cursor.
 */
export const magentoProductsNode = defineNode({
  type: 'magento.products',
  version: 1,
  category: 'connector',
  channelType: 'magento',
  label: 'Magento products',
  description: 'Reads products changed since the last run (catalogProductList), each in full with catalogProductInfo.',
  config: {
    type: 'object',
    additionalProperties: false,
    properties: {
      storeView: {
        type: 'string', title: 'Store view',
        description: 'Store view code or id whose values (names, prices) to read; empty for the default values.',
      },
    },
  },
  phase: 20,
  inputs: magentoTransportInput,
  outputs: { records: { socket: 'records:magento.product', label: 'Products' } },
  read: (ctx) => readProducts(ctx),
});
