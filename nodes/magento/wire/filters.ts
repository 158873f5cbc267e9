import type { SoapStyle } from './operations.ts';

/** One condition of a list call: `field op value` (`updated_at from '2024-01-01 00:00:00'`). */
export interface FilterCondition {
  field: string;
  op: 'eq' | 'neq' | 'gt' | 'lt' | 'gteq' | 'lteq' | 'from' | 'to' | 'in' | 'nin' | 'like';
  value: string;
}

/**
 * Builds the `filters` argument of the *List operations as Magento reads it: every condition goes into
 * `complex_filter`, wrapped as a SOAP array (`{ item: [...] }` in RPC, `{ complexObjectArray: [...] }` in WS-I).
 * A bare JS array would be sent as repeated elements, which Magento silently ignores, returning the whole table.
 * Remember Magento's rule: on one field only `from`/`to` combine; any other second op on that field is ignored.
 * @example buildFilters('rpc', [{ field: 'customer_id', op: 'gt', value: '10' }])
 * // { complex_filter: { item: [{ key: 'customer_id', value: { key: 'gt', value: '10' } }] } }
 */
export function buildFilters(style: SoapStyle, conditions: readonly FilterCondition[]): Record<string, unknown> {
  const items = conditions.map(({ field, op, value }) => ({ key: field, value: { key: op, value } }));
  return { complex_filter: style === 'wsi' ? { complexObjectArray: items } : { item: items } };
}
