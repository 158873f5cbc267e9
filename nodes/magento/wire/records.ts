/**
 * The records the Magento connectors emit: Magento's SOAP v2 structs as the normalizer leaves them (WSDL types
 * applied, absent fields left out), plus the few fields a connector adds, marked below. Only the fields the
 * mappers read are spelled out; every other field of the struct is there too.
 */

/** `storeEntity`. */
export interface MagentoStore {
  store_id: number;
  code?: string;
  website_id?: number;
  group_id?: number;
  name?: string;
  sort_order?: number;
  is_active?: number;
  [field: string]: unknown;
}

/** `customerGroupEntity`. */
export interface MagentoCustomerGroup {
  customer_group_id: number;
  customer_group_code?: string;
  [field: string]: unknown;
}

/** `directoryRegionEntity`, plus `country_id` (added by magento.regions). */
export interface MagentoRegion {
  region_id: string;
  code?: string;
  name?: string;
  country_id: string;
  [field: string]: unknown;
}

/** What every address struct shares, plus `region_code` (added by the connectors from directoryRegionList). */
export interface MagentoAddress {
  firstname?: string;
  middlename?: string;
  lastname?: string;
  prefix?: string;
  suffix?: string;
  company?: string;
  street?: string;
  city?: string;
  postcode?: string;
  country_id?: string;
  region?: string;
  region_id?: number | string;
  region_code?: string;
  telephone?: string;
  [field: string]: unknown;
}

/** `customerAddressEntityItem` (+ `region_code`). */
export interface MagentoCustomerAddress extends MagentoAddress {
  customer_address_id?: number;
  is_default_billing?: boolean;
  is_default_shipping?: boolean;
}

/** `customerCustomerEntity` plus `addresses` (added by magento.customers from customerAddressList). */
export interface MagentoCustomer {
  customer_id: number;
  created_at?: string;
  updated_at?: string;
  email?: string;
  firstname?: string;
  middlename?: string;
  lastname?: string;
  prefix?: string;
  suffix?: string;
  dob?: string;
  group_id?: number;
  website_id?: number;
  /** Not in the standard WSDL; read when a shop's WSDL adds it (1 male, 2 female, 3 not specified). */
  gender?: string;
  addresses: MagentoCustomerAddress[];
  [field: string]: unknown;
}

/** `salesOrderItemEntity` (every field a string). */
export interface MagentoOrderItem {
  item_id?: string;
  product_id?: string;
  product_type?: string;
  sku?: string;
  name?: string;
  qty_ordered?: string;
  price?: string;
  base_cost?: string;
  weight?: string;
  tax_percent?: string;
  tax_amount?: string;
  discount_percent?: string;
  discount_amount?: string;
  row_total?: string;
  product_options?: string;
  [field: string]: unknown;
}

/** `salesOrderEntity` (salesOrderInfo). */
export interface MagentoOrder {
  increment_id: string;
  order_id?: string;
  store_id?: string;
  customer_id?: string;
  customer_is_guest?: string;
  customer_email?: string;
  quote_id?: string;
  created_at?: string;
  updated_at?: string;
  status?: string;
  order_currency_code?: string;
  subtotal?: string;
  shipping_amount?: string;
  shipping_method?: string;
  tax_amount?: string;
  discount_amount?: string;
  grand_total?: string;
  billing_address?: MagentoAddress;
  shipping_address?: MagentoAddress;
  items?: MagentoOrderItem[];
  payment?: { method?: string; cc_type?: string; cc_last4?: string; po_number?: string; [field: string]: unknown };
  [field: string]: unknown;
}

/** `catalogProductReturnEntity`, plus `store_id`/`website_id` of the store view read (added when one is configured). */
export interface MagentoProduct {
  product_id: string;
  sku?: string;
  name?: string;
  type?: string;
  type_id?: string;
  price?: string;
  created_at?: string;
  updated_at?: string;
  store_id?: number;
  website_id?: number;
  [field: string]: unknown;
}

/** `shoppingCartItemEntity`. */
export interface MagentoCartItem {
  item_id?: string;
  parent_item_id?: string;
  sku?: string;
  name?: string;
  product_type?: string;
  qty?: number;
  price?: number;
  discount_amount?: number;
  tax_percent?: number;
  weight?: number;
  created_at?: string;
  updated_at?: string;
  [field: string]: unknown;
}

/** `shoppingCartInfoEntity` (shoppingCartInfo). */
export interface MagentoCart {
  quote_id: number;
  store_id?: string;
  is_active?: number;
  customer_id?: string;
  customer_is_guest?: string;
  customer_email?: string;
  reserved_order_id?: string;
  items_qty?: number;
  subtotal?: number;
  grand_total?: string;
  quote_currency_code?: string;
  created_at?: string;
  updated_at?: string;
  billing_address?: MagentoAddress;
  shipping_address?: MagentoAddress;
  items?: MagentoCartItem[];
  [field: string]: unknown;
}
