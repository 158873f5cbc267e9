import { defineNode } from '../../contract/define-node.ts';
import { checkConnection } from './check-connection.ts';
import { soapTransportConfigSchema } from './config-schema.ts';
import type { MagentoClient } from './magento-client.ts';
import { openMagentoClient } from './open-client.ts';

/**
 * `magento.soap-transport`: a Magento 1 shop's SOAP API v2 (RPC/encoded or WS-I). Opens a logged-in session as a
 * `MagentoClient` that the Magento connectors call through, and ends the session on close.
 */
export const magentoSoapTransportNode = defineNode({
  type: 'magento.soap-transport',
  version: 1,
  category: 'transport',
  channelType: 'magento',
  label: 'Magento SOAP API',
  description: 'A Magento 1 shop\'s SOAP API v2: logs in with an API user and key; the Magento connectors read through it.',
  config: soapTransportConfigSchema,
  outputs: { transport: { socket: 'transport:magento-soap', label: 'Magento session' } },
  open: (ctx): Promise<MagentoClient> => openMagentoClient(ctx.config, ctx),
  close: (client) => (client as MagentoClient).close(),
  check: (ctx) => checkConnection(ctx.config, ctx),
});
