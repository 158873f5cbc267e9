import { defineNode } from '../../contract/define-node.ts';
import { mapEach } from '../mapping/map-each.ts';
import { mapperPorts } from '../mapping/ports.ts';
import type { MagentoProduct } from '../wire/records.ts';
import { mapProduct } from './map-product.ts';

/** `magento.product-mapper`: Magento products → product entities, with the price's currency. */
export const magentoProductMapperNode = defineNode({
  type: 'magento.product-mapper',
  version: 1,
  category: 'mapper',
  channelType: 'magento',
  label: 'Magento product → product',
  description: 'Maps Magento products to products; the currency comes from the store view\'s website or the base currency.',
  config: {
    type: 'object',
    additionalProperties: false,
    properties: {
      currency: {
        type: 'string', pattern: '^[A-Z]{3}$', default: 'USD', title: 'Base currency',
        description: 'The shop\'s base currency (ISO 4217): prices read without a store view are in it.',
      },
      websiteCurrencies: {
        type: 'object', default: {}, title: 'Currency per website',
        description: 'Website id → ISO 4217 currency, for products read in a store view, e.g. { "2": "EUR" }.',
        additionalProperties: { type: 'string', pattern: '^[A-Z]{3}$' },
      },
    },
  },
  ...mapperPorts('product', 'product', 'Products'),
  transform: (records, ctx) => mapEach<MagentoProduct>(records, ctx, (product) => mapProduct(product, ctx.config)),
});
