import type { TypeRef } from './wsdl-types.ts';

/** The SOAP API v2 operations the Magento nodes call. */
export const MAGENTO_OPERATIONS = [
  'login', 'endSession', 'storeList', 'customerGroupList', 'directoryRegionList', 'customerCustomerList',
  'customerAddressList', 'salesOrderList', 'salesOrderInfo', 'catalogProductList', 'catalogProductInfo', 'shoppingCartInfo',
] as const;

/** Name of an operation the Magento nodes call. */
export type MagentoOperation = (typeof MAGENTO_OPERATIONS)[number];

/** The WSDL type of each operation's reply (RPC part `storeView`, `result` …; WS-I `result`). */
export const REPLY_TYPES: Readonly<Record<MagentoOperation, TypeRef>> = {
  login: 'string',
  endSession: 'boolean',
  storeList: 'storeEntity[]',
  customerGroupList: 'customerGroupEntity[]',
  directoryRegionList: 'directoryRegionEntity[]',
  customerCustomerList: 'customerCustomerEntity[]',
  customerAddressList: 'customerAddressEntityItem[]',
  salesOrderList: 'salesOrderListEntity[]',
  salesOrderInfo: 'salesOrderEntity',
  catalogProductList: 'catalogProductEntity[]',
  catalogProductInfo: 'catalogProductReturnEntity',
  shoppingCartInfo: 'shoppingCartInfoEntity',
};

/** Operations a Magento SOAP v2 WSDL must offer for these nodes to work; `open` and `check` verify them. */
export const REQUIRED_OPERATIONS: readonly MagentoOperation[] = MAGENTO_OPERATIONS;

/** How the WSDL binds: Magento's default RPC/encoded, or WS-I document/literal. */
export type SoapStyle = 'rpc' | 'wsi';

/**
 * The name of the store-view argument, which differs between the variants: RPC says `storeView` in catalogProduct*
 * and `storeId` in shoppingCartInfo, WS-I says `store` in both.
 */
export function storeArgument(style: SoapStyle, operation: 'catalogProductList' | 'catalogProductInfo' | 'shoppingCartInfo'): string {
  if (style === 'wsi') return 'store';
  return operation === 'shoppingCartInfo' ? 'storeId' : 'storeView';
}

/** The reply part of a decoded reply object (`{ storeView: … }`, `{ result: … }`): its only non-attribute key. */
export function replyPart(reply: unknown): unknown {
  if (typeof reply !== 'object' || reply === null) return reply ?? undefined;
  const keys = Object.keys(reply).filter((key) => key !== '$attributes' && key !== 'attributes');
  return keys.length === 0 ? undefined : (reply as Record<string, unknown>)[keys[0]];
}
