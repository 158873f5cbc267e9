import type { SourceBatch } from '../../contract/batch.ts';
import type { ProcessContext } from '../../contract/context.ts';
import { ConfigError } from '../../contract/errors.ts';
import { readWindows } from '../sync/read-windows.ts';
import type { WindowCursor } from '../sync/window-cursor.ts';
import type { MagentoClient } from '../transport/magento-client.ts';
import { isMagentoFault } from '../transport/ports.ts';
import { storeArgument } from '../wire/operations.ts';
import type { MagentoProduct, MagentoStore } from '../wire/records.ts';

/** The configured store view (by id or code) from storeList; a ConfigError when the shop has no such view. */
async function storeView(ctx: ProcessContext<{ storeView?: string }>, client: MagentoClient): Promise<MagentoStore | undefined> {
  const wanted = ctx.config.storeView;
  if (wanted === undefined || wanted === '') return undefined;
  const stores = await client.cached('stores', () => client.call<MagentoStore[]>('storeList'));
  const store = stores.find((s) => String(s.store_id) === wanted || s.code === wanted);
  if (!store) {
    const known = stores.map((s) => `${s.code} (${s.store_id})`).join(', ');
    throw new ConfigError(`node "${ctx.nodeId}": the shop has no store view "${wanted}"; use one of ${known}.`, { nodeId: ctx.nodeId, field: 'storeView' });
  }
  return store;
}

/**
 * Products changed since the cursor (catalogProductList by `updated_at` window and `product_id`), each read in full
 * with catalogProductInfo, in the configured store view (else the default values). With a store view, each record
 * gets that view's `store_id` and `website_id`. A product deleted meanwhile is skipped.
 */
export async function* readProducts(ctx: ProcessContext<{ storeView?: string }>): AsyncGenerator<SourceBatch<MagentoProduct, WindowCursor>> {
  const client = ctx.transport<MagentoClient>();
  const store = await storeView(ctx, client);
  const scope = store ? { [storeArgument(client.style, 'catalogProductList')]: String(store.store_id) } : {};
  const infoStore = store ? { [storeArgument(client.style, 'catalogProductInfo')]: String(store.store_id) } : {};
  const stamp = store ? { store_id: store.store_id, website_id: store.website_id } : {};
  yield* readWindows<MagentoProduct>(ctx, client, {
    listOperation: 'catalogProductList',
    idField: 'product_id',
    listArgs: scope,
    idOf: (row) => Number(row.product_id),
    async complete(row) {
      try {
        const args = { productId: String(row.product_id), ...infoStore, identifierType: 'id' };
        return { ...(await client.call<MagentoProduct>('catalogProductInfo', args)), ...stamp };
      } catch (error) {
        if (!isMagentoFault(error, '101')) throw error;
        ctx.log.info(`product ${String(row.product_id)} was deleted while it was read; skipped`);
        return undefined;
      }
    },
  });
}
