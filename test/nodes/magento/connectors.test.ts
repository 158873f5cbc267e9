import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { magentoCartsNode } from '../../../nodes/magento/carts/definition.ts';
import { magentoProductsNode } from '../../../nodes/magento/products/definition.ts';
import { magentoRegionsNode } from '../../../nodes/magento/regions/definition.ts';
import type { MagentoClient } from '../../../nodes/magento/transport/magento-client.ts';
import { magentoSoapTransportNode } from '../../../nodes/magento/transport/definition.ts';
import { openNode, runNode, type OpenedTransport } from '../../../runtime/testing/index.ts';
import { startMagentoFixture, type MagentoFixture } from '../../fixtures/magento/index.ts';

describe('Magento connectors run one by one (wsi)', () => {
  let shop: MagentoFixture;
  let session: OpenedTransport<MagentoClient>;
  beforeAll(async () => {
    shop = await startMagentoFixture({ mode: 'wsi' });
    session = await openNode<MagentoClient>({
      definition: magentoSoapTransportNode, config: { wsdlUrl: shop.wsdlUrl, apiUser: 'oro', apiKey: shop.apiKey, wsiMode: true, windowDays: 3650 },
    });
  });
  afterAll(async () => {
    await session.close();
    expect(shop.stats.calls.endSession).toBe(1);
    await shop.close();
  });

  it('magento.regions tags each region with its country; a country without regions gives none', async () => {
    const { outputs } = await runNode({ definition: magentoRegionsNode, config: { countries: ['de', 'GB'] }, transports: { transport: session.resource } });
    const regions = outputs.records as Array<{ country_id: string; code: string }>;
    expect(regions.length).toBe(shop.data.regions.DE.length);
    expect(regions.every((region) => region.country_id === 'DE')).toBe(true);
  });

  it('magento.products reads a store view and stamps its website; an unknown store view is a config error', async () => {
    const { outputs, states } = await runNode({ definition: magentoProductsNode, config: { storeView: 'wholesale_de' }, transports: { transport: session.resource } });
    expect(outputs.records).toHaveLength(shop.data.products.length);
    expect(outputs.records?.[0]).toMatchObject({ store_id: 3, website_id: 2 });
    expect(states.at(-1)).toMatchObject({ lastId: 0, highWater: shop.data.products.map((p) => p.updated_at).sort().at(-1) });
    await expect(runNode({ definition: magentoProductsNode, config: { storeView: 'nope' }, transports: { transport: session.resource } }))
      .rejects.toThrow(/no store view "nope"; use one of default \(1\), french \(2\)/);
  });

  it('magento.carts reads each quote once per run, in the order\'s store, and skips quotes Magento no longer has', async () => {
    shop.hooks.resetStats();
    const orders = [{ increment_id: '1', quote_id: '2001', store_id: '1' }, { increment_id: '2', quote_id: '2001' }, { increment_id: '3', quote_id: '777' }];
    const { outputs } = await runNode({
      definition: magentoCartsNode, config: { quoteIds: [2006] }, transports: { transport: session.resource }, inputs: { orders: [orders, orders] },
    });
    expect((outputs.records as Array<{ quote_id: number }>).map((cart) => cart.quote_id)).toEqual([2006, 2001]);
    expect(shop.stats.calls.shoppingCartInfo).toBe(3);
    expect(shop.stats.faults['1002']).toBe(1);
  });

  it('magento.carts still reads the configured quotes when a run receives no order', async () => {
    const { outputs } = await runNode({
      definition: magentoCartsNode, config: { quoteIds: [2006, 2003] }, transports: { transport: session.resource }, inputs: { orders: [] },
    });
    expect((outputs.records as Array<{ quote_id: number }>).map((cart) => cart.quote_id)).toEqual([2006, 2003]);
  });
});
