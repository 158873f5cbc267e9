import { ConfigError } from '../../contract/errors.ts';
import type { Logger } from '../../contract/logger.ts';
import { displayUrl } from './failure-messages.ts';
import { createMagentoClient, type MagentoClient } from './magento-client.ts';
import { openSoapClient } from './open-soap.ts';
import { toMagentoTime } from '../sync/magento-time.ts';

/** The transport's config, as validated (defaults applied). */
export interface SoapTransportConfig {
  wsdlUrl: string;
  apiUser: string;
  apiKey: string;
  wsiMode: boolean;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  concurrency: number;
  syncStartDate: string;
  windowDays: number;
  skewMinutes: number;
}

/** What opening needs besides the config. */
export interface OpenClientContext {
  nodeId: string;
  signal: AbortSignal;
  log: Logger;
}

function startDateOf(config: SoapTransportConfig, nodeId: string): string {
  try {
    return toMagentoTime(config.syncStartDate);
  } catch (error) {
    throw new ConfigError(`node "${nodeId}": syncStartDate ${(error as Error).message}.`, { nodeId, field: 'syncStartDate' });
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return displayUrl(url);
  }
}

/**
 * Loads the WSDL, logs in and returns the session client. `retries` overrides the configured retries (the
 * connection check tries once, so it answers quickly).
 */
export async function openMagentoClient(config: SoapTransportConfig, ctx: OpenClientContext, retries = config.retries): Promise<MagentoClient> {
  const syncStartDate = startDateOf(config, ctx.nodeId);
  const connection = await openSoapClient({ wsdlUrl: config.wsdlUrl, timeoutMs: config.timeoutMs, signal: ctx.signal, nodeId: ctx.nodeId });
  const declared = config.wsiMode ? 'wsi' : 'rpc';
  if (connection.style !== declared) {
    ctx.log.warn(`wsiMode is ${config.wsiMode ? 'on' : 'off'}, but the shop's WSDL is ${connection.style === 'wsi' ? 'WS-I (document/literal)' : 'RPC/encoded'}; following the WSDL. Set wsiMode to ${connection.style === 'wsi'} to silence this.`);
  }
  const client = createMagentoClient(connection, {
    nodeId: ctx.nodeId, apiUser: config.apiUser, apiKey: config.apiKey, origin: originOf(config.wsdlUrl),
    timeoutMs: config.timeoutMs, retry: { retries, baseDelayMs: config.retryDelayMs }, concurrency: config.concurrency,
    sync: { syncStartDate, windowDays: config.windowDays, skewMinutes: config.skewMinutes },
    signal: ctx.signal, log: ctx.log,
  });
  await client.login();
  return client;
}
