import type { EntityInput } from '../../contract/batch.ts';
import type { Product } from '../../entities/product.ts';
import { originIdOf } from '../mapping/map-each.ts';
import { compact, isoTime, money, text } from '../mapping/values.ts';
import type { MagentoProduct } from '../wire/records.ts';

/** Config of magento.product-mapper. */
export interface ProductMapperConfig {
  currency: string;
  websiteCurrencies: Record<string, string>;
}

/**
 * A Magento product as a product entity, keyed by `product_id`. Its price is in the currency of the website of the
 * store view it was read in (`websiteCurrencies[website_id]`), else in the shop's base `currency` (the default
 * values are in the base currency).
 */
export function mapProduct(product: MagentoProduct, config: ProductMapperConfig): EntityInput<Product> {
  const website = product.website_id === undefined ? undefined : String(product.website_id);
  const currency = (website !== undefined ? config.websiteCurrencies[website] : undefined) ?? config.currency;
  const data = compact<Product>({
    name: text(product.name),
    sku: text(product.sku),
    type: text(product.type_id) ?? text(product.type),
    price: money(product.price, 'price'),
    currency: currency.toUpperCase(),
    createdAt: isoTime(product.created_at),
    updatedAt: isoTime(product.updated_at),
  });
  return { type: 'product', originId: originIdOf(product.product_id, 'product_id'), data };
}
