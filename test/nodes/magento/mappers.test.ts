import { describe, expect, it } from 'vitest';
import { magentoCartMapperNode } from '../../../nodes/magento/cart-mapper/definition.ts';
import { magentoCustomerGroupMapperNode } from '../../../nodes/magento/customer-group-mapper/definition.ts';
import { magentoCustomerMapperNode } from '../../../nodes/magento/customer-mapper/definition.ts';
import { magentoOrderMapperNode } from '../../../nodes/magento/order-mapper/definition.ts';
import { magentoProductMapperNode } from '../../../nodes/magento/product-mapper/definition.ts';
import { runNode } from '../../../runtime/testing/index.ts';
import { loadSampleData } from '../../fixtures/magento/index.ts';

const sample = loadSampleData();

describe('magento.customer-mapper', () => {
  it('trims names, lower-cases the e-mail, keeps unicode, reads dob and gender, skips impossible dates', async () => {
    const customer = {
      customer_id: 9, email: '  Zoe.Bronte@Example.ORG ', firstname: ' Zoë ', lastname: '渡辺 ', prefix: '', dob: '0000-00-00 00:00:00',
      gender: '2', group_id: 3, created_at: '2024-06-15 12:00:00', updated_at: 'not a date', addresses: [],
    };
    const { outputs, rejects } = await runNode({ definition: magentoCustomerMapperNode, inputs: { records: [[customer]] } });
    expect(rejects).toEqual([]);
    expect(outputs.entities).toEqual([{
      type: 'person', originId: '9',
      data: { firstName: 'Zoë', lastName: '渡辺', email: 'zoe.bronte@example.org', gender: 'female', groupIds: ['3'], createdAt: '2024-06-15T12:00:00Z' },
    }]);
  });

  it('rejects a customer without an id and maps the rest of the batch', async () => {
    const { outputs, rejects } = await runNode({
      definition: magentoCustomerMapperNode, inputs: { records: [[{ email: 'x@example.com', addresses: [] }, { customer_id: 2, addresses: [] }]] },
    });
    expect(rejects).toEqual([expect.objectContaining({ reason: 'the record has no customer_id' })]);
    expect((outputs.entities as Array<{ originId: string }>).map((e) => e.originId)).toEqual(['2']);
  });
});

describe('magento.order-mapper', () => {
  const order = sample.orders.find((o) => o.increment_id === '100000007');

  it('rejects an order whose amounts are not numbers, saying which field', async () => {
    const broken = { ...order, grand_total: '12,50' };
    const { outputs, rejects } = await runNode({ definition: magentoOrderMapperNode, inputs: { records: [[broken, order]] } });
    expect(rejects).toHaveLength(1);
    expect(rejects[0].reason).toMatch(/^grand_total "12,50" is not an amount/);
    expect(outputs.entities).toHaveLength(1);
  });

  it('does not link a line to a configurable parent when the sku or price says it is not its child', async () => {
    const items = [
      { item_id: '1', product_type: 'configurable', sku: 'TEE-M', price: '19.9900' },
      { item_id: '2', product_type: 'simple', sku: 'MUG', price: '0.0000' },
      { item_id: '3', product_type: 'simple', sku: 'TEE-M', price: '0.0000' },
    ];
    const { outputs } = await runNode({ definition: magentoOrderMapperNode, inputs: { records: [[{ increment_id: '9', items }]] } });
    const [entity] = outputs.entities as Array<{ data: { items: Array<Record<string, unknown>> } }>;
    expect(entity.data.items.map((item) => item.parentOriginId)).toEqual([undefined, undefined, undefined]);
  });
});

describe('magento.product-mapper', () => {
  it('takes the currency of the store view\'s website, else the base currency', async () => {
    const [product] = sample.products;
    const config = { currency: 'USD', websiteCurrencies: { 2: 'EUR' } };
    const { outputs } = await runNode({
      definition: magentoProductMapperNode, config,
      inputs: { records: [[product, { ...product, product_id: '99', store_id: 3, website_id: 2 }]] },
    });
    expect((outputs.entities as Array<{ data: { currency: string; price: string } }>).map((e) => e.data)).toEqual([
      expect.objectContaining({ currency: 'USD', price: '19.9900', type: 'configurable' }),
      expect.objectContaining({ currency: 'EUR' }),
    ]);
  });
});

describe('magento.cart-mapper and magento.customer-group-mapper', () => {
  it('marks a deactivated quote without an order inactive and keeps guest carts without a customer', async () => {
    const carts = sample.carts.map((cart) => ({ ...cart }));
    const { outputs, rejects } = await runNode({ definition: magentoCartMapperNode, inputs: { records: [carts] } });
    expect(rejects).toEqual([]);
    const byId = new Map((outputs.entities as Array<{ originId: string; data: Record<string, unknown> }>).map((e) => [e.originId, e.data]));
    expect(byId.get('2009')?.status).toBe('inactive');
    expect(byId.get('2002')).not.toHaveProperty('customer');
    expect(byId.get('2006')).toMatchObject({ currency: 'EUR', customer: { originId: '46' } });
  });

  it('rejects a group without a code', async () => {
    const { outputs, rejects } = await runNode({
      definition: magentoCustomerGroupMapperNode, inputs: { records: [[{ customer_group_id: 7, customer_group_code: ' ' }, ...sample.customerGroups]] },
    });
    expect(rejects.map((r) => r.reason)).toEqual(['the customer group has no customer_group_code']);
    expect(outputs.entities).toContainEqual({ type: 'personGroup', originId: '0', data: { name: 'NOT LOGGED IN' } });
  });
});
