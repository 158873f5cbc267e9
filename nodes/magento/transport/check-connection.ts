import type { CheckResult } from '../../contract/context.ts';
import { TributaryError } from '../../contract/errors.ts';
import { displayUrl } from './failure-messages.ts';
import type { MagentoClient } from './magento-client.ts';
import { openMagentoClient, type OpenClientContext, type SoapTransportConfig } from './open-client.ts';

interface StoreRow {
  store_id?: number;
  website_id?: number;
  is_active?: number;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Strips the `node "x": ` prefix: a check result belongs to the node already. */
function plainMessage(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/^node "[^"]*": /, '');
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * The connection check: loads the WSDL, logs in (once, no retries), lists the store views and ends the session.
 * Says plainly what failed: a wrong URL (404, refused, DNS), not a Magento SOAP v2 endpoint, a refused user or
 * key, TLS, or a timeout. Never includes the API key or the session id.
 */
export async function checkConnection(config: SoapTransportConfig, ctx: OpenClientContext): Promise<CheckResult> {
  const wsdl = displayUrl(config.wsdlUrl);
  let client: MagentoClient | undefined;
  try {
    client = await openMagentoClient(config, ctx, 0);
    const stores = await client.call<StoreRow[]>('storeList');
    const websites = new Set(stores.map((store) => store.website_id)).size;
    const active = stores.filter((store) => store.is_active !== 0).length;
    const style = client.style === 'wsi' ? 'WS-I document/literal' : 'RPC/encoded';
    const mismatch = (client.style === 'wsi') !== config.wsiMode
      ? ` Note: the WSDL is ${style}, so set wsiMode to ${client.style === 'wsi'}.` : '';
    return {
      ok: true,
      message: `Logged in to ${wsdl} as "${config.apiUser}": ${plural(stores.length, 'store view')} (${active} active) on ${plural(websites, 'website')}, ${style}.${mismatch}`,
      details: { wsdlUrl: wsdl, style: client.style, storeViews: stores.length, activeStoreViews: active, websites },
    };
  } catch (error) {
    const field = error instanceof TributaryError ? error.field : undefined;
    return { ok: false, message: plainMessage(error), details: { wsdlUrl: wsdl, ...(field ? { field } : {}) } };
  } finally {
    await client?.close();
  }
}
