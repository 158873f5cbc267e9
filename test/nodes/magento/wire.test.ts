import { describe, expect, it } from 'vitest';
import { buildFilters } from '../../../nodes/magento/wire/filters.ts';
import { normalize } from '../../../nodes/magento/wire/normalize.ts';
import { REPLY_TYPES } from '../../../nodes/magento/wire/operations.ts';
import { fieldType, STRUCT_FIELDS } from '../../../nodes/magento/wire/wsdl-types.ts';
import { loadWsdlTypes } from '../../fixtures/magento/wsdl-types.ts';

const wsdl = loadWsdlTypes();

/** The type reference the normalizer table should hold for a WSDL field type. */
function expectedType(typeRef: string): string {
  if (typeRef.startsWith('xsd:')) return typeRef.slice(4);
  const name = typeRef.replace(/^typens:/, '');
  const type = wsdl.get(name);
  if (type?.kind === 'array') return `${expectedType(type.itemRef)}[]`;
  return name;
}

describe('the hand-written WSDL type table', () => {
  it('matches Magento\'s WSDL for every field of every struct the nodes read', () => {
    for (const struct of Object.keys(STRUCT_FIELDS)) {
      const type = wsdl.get(struct);
      expect(type?.kind, struct).toBe('struct');
      if (type?.kind !== 'struct') continue;
      for (const [field, typeRef] of type.fields) expect(`${struct}.${field}: ${fieldType(struct, field)}`).toBe(`${struct}.${field}: ${expectedType(typeRef)}`);
      for (const field of Object.keys(STRUCT_FIELDS[struct])) expect(type.fields.map(([name]) => name), struct).toContain(field);
    }
  });

  it('knows every struct an operation replies with', () => {
    for (const reply of Object.values(REPLY_TYPES)) {
      const struct = reply.replace(/\[\]$/, '');
      if (['string', 'boolean'].includes(struct)) continue;
      expect(STRUCT_FIELDS, struct).toHaveProperty(struct);
    }
  });
});

describe('normalize', () => {
  const php = (type: string, value: unknown) => ({ $attributes: { 'xsi:type': type }, $value: value });

  it('gives one shape for a customer list in every wire format', () => {
    const expected = [{ customer_id: 5, email: 'a@example.com', confirmation: true }];
    const rpc = { item: { customer_id: '5', email: 'a@example.com', confirmation: 'true' } };
    const rpcPhp = {
      $attributes: { 'SOAP-ENC:arrayType': 'typens:customerCustomerEntity[1]' },
      item: { $attributes: {}, customer_id: php('xsd:int', 5), email: php('xsd:string', 'a@example.com'), confirmation: php('xsd:boolean', true) },
    };
    const wsi = { complexObjectArray: [{ customer_id: 5, email: 'a@example.com', confirmation: true }] };
    for (const shape of [rpc, rpcPhp, wsi, [rpc.item]]) expect(normalize(shape, 'customerCustomerEntity[]')).toEqual(expected);
  });

  it('reads empty arrays and empty structs as [] and absent', () => {
    for (const empty of [null, undefined, '', { $attributes: { 'SOAP-ENC:arrayType': 'typens:storeEntity[0]' } }, { complexObjectArray: [] }]) {
      expect(normalize(empty, 'storeEntity[]')).toEqual([]);
    }
    const order = normalize({ increment_id: '1', shipping_address: { $attributes: { 'xsi:type': 'typens:salesOrderAddressEntity' } }, items: null }, 'salesOrderEntity');
    expect(order).toEqual({ increment_id: '1', items: [] });
  });

  it('coerces by the WSDL type and keeps what does not fit as text', () => {
    expect(normalize({ quote_id: '12', items_qty: '1.5', grand_total: 9, is_active: 'x' }, 'shoppingCartInfoEntity'))
      .toEqual({ quote_id: 12, items_qty: 1.5, grand_total: '9', is_active: 'x' });
    expect(normalize({ unknown_field: 7 }, 'customerCustomerEntity')).toEqual({ unknown_field: '7' });
  });
});

describe('buildFilters', () => {
  it('wraps conditions as a SOAP array per style (never a bare array, which Magento would ignore)', () => {
    const conditions = [{ field: 'updated_at', op: 'from', value: '2024-01-01 00:00:00' }] as const;
    const item = { key: 'updated_at', value: { key: 'from', value: '2024-01-01 00:00:00' } };
    expect(buildFilters('rpc', conditions)).toEqual({ complex_filter: { item: [item] } });
    expect(buildFilters('wsi', conditions)).toEqual({ complex_filter: { complexObjectArray: [item] } });
  });
});
