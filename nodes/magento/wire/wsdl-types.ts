/**
 * The field types of the Magento SOAP API v2 structs the connectors read, written out by hand from Magento 1.9.4.5's
 * WSDL (the RPC `wsdl.xml` and the WS-I `wsi.xml` declare the same fields with the same types). Only fields that are
 * NOT `xsd:string` are listed: every other field, and every field a store's own modules add, is read as a string.
 * test/nodes/magento/wsdl-types.test.ts checks this table against the WSDL.
 *
 * A type is a scalar (`string`, `int`, `double`, `boolean`), a struct name, or either followed by `[]` for an array.
 */

/** A scalar XSD type, as the normalizer coerces it. */
export type ScalarType = 'string' | 'int' | 'double' | 'boolean';

/** A type reference: a scalar, a struct name, or `T[]`. */
export type TypeRef = string;

const tierPrice = { qty: 'int', price: 'double' };
const cartAddress = { save_in_address_book: 'int', same_as_billing: 'int', free_shipping: 'int', weight: 'double' };
const cartItemDoubles = [
  'weight', 'qty', 'price', 'base_price', 'custom_price', 'discount_percent', 'discount_amount', 'base_discount_amount',
  'tax_percent', 'tax_amount', 'base_tax_amount', 'row_total', 'base_row_total', 'row_total_with_discount', 'row_weight',
  'base_tax_before_discount', 'tax_before_discount', 'original_custom_price', 'base_cost', 'price_incl_tax',
  'base_price_incl_tax', 'row_total_incl_tax', 'base_row_total_incl_tax', 'weee_tax_applied', 'weee_tax_applied_amount',
  'weee_tax_applied_row_amount', 'base_weee_tax_applied_amount', 'base_weee_tax_applied_row_amount', 'weee_tax_disposition',
  'weee_tax_row_disposition', 'base_weee_tax_disposition', 'base_weee_tax_row_disposition',
];
const cartDoubles = [
  'items_count', 'items_qty', 'base_to_global_rate', 'base_to_quote_rate', 'subtotal', 'base_subtotal',
  'subtotal_with_discount', 'base_subtotal_with_discount', 'customer_balance_amount_used', 'base_customer_balance_amount_used',
];
const doubles = (fields: string[]): Record<string, TypeRef> => Object.fromEntries(fields.map((field) => [field, 'double']));

/** Struct name → its non-string fields. A struct absent from this table has string fields only. */
export const STRUCT_FIELDS: Readonly<Record<string, Readonly<Record<string, TypeRef>>>> = {
  associativeEntity: {},
  storeEntity: { store_id: 'int', website_id: 'int', group_id: 'int', sort_order: 'int', is_active: 'int' },
  directoryRegionEntity: {},
  customerCustomerEntity: { customer_id: 'int', store_id: 'int', website_id: 'int', group_id: 'int', confirmation: 'boolean' },
  customerGroupEntity: { customer_group_id: 'int' },
  customerAddressEntityItem: {
    customer_address_id: 'int', region_id: 'int', is_default_billing: 'boolean', is_default_shipping: 'boolean',
  },
  catalogProductEntity: { category_ids: 'string[]', website_ids: 'string[]' },
  catalogProductReturnEntity: {
    categories: 'string[]', websites: 'string[]', category_ids: 'string[]', website_ids: 'string[]',
    tier_price: 'catalogProductTierPriceEntity[]', additional_attributes: 'associativeEntity[]',
  },
  catalogProductTierPriceEntity: tierPrice,
  salesOrderListEntity: {},
  salesOrderEntity: {
    shipping_address: 'salesOrderAddressEntity', billing_address: 'salesOrderAddressEntity', items: 'salesOrderItemEntity[]',
    payment: 'salesOrderPaymentEntity', status_history: 'salesOrderStatusHistoryEntity[]',
  },
  salesOrderAddressEntity: {},
  salesOrderItemEntity: {},
  salesOrderPaymentEntity: {},
  salesOrderStatusHistoryEntity: {},
  shoppingCartAddressEntity: cartAddress,
  shoppingCartItemEntity: { is_virtual: 'int', ...doubles(cartItemDoubles) },
  shoppingCartPaymentEntity: {},
  shoppingCartInfoEntity: {
    quote_id: 'int', is_active: 'int', is_virtual: 'int', is_multi_shipping: 'int', customer_group_id: 'int',
    ...doubles(cartDoubles),
    shipping_address: 'shoppingCartAddressEntity', billing_address: 'shoppingCartAddressEntity',
    items: 'shoppingCartItemEntity[]', payment: 'shoppingCartPaymentEntity',
  },
};

const SCALARS = new Set<string>(['string', 'int', 'double', 'boolean']);

/** True for `string`, `int`, `double` and `boolean`. */
export function isScalarType(type: TypeRef): type is ScalarType {
  return SCALARS.has(type);
}

/** The type of `field` in struct `struct` (`string` unless the table says otherwise). */
export function fieldType(struct: string, field: string): TypeRef {
  return STRUCT_FIELDS[struct]?.[field] ?? 'string';
}
