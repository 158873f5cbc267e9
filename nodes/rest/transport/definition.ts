import { defineNode } from '../../contract/define-node.ts';
import { ConfigError } from '../../contract/errors.ts';
import { checkRestConnection } from './check-connection.ts';
import { restTransportConfigSchema } from './config-schema.ts';
import { createRestClient, type RestClient } from './rest-client.ts';

/**
 * `rest.transport`: an HTTP JSON API. Its resource is a `RestClient` that REST connectors request
 * through, with the configured auth (basic, bearer token, API key in a header or the query), default
 * headers, a timeout, a rate limit and retries that honour `Retry-After`.
 */
export const restTransportNode = defineNode({
  type: 'rest.transport',
  version: 1,
  category: 'transport',
  channelType: 'rest',
  label: 'REST API',
  description: 'An HTTP JSON API: base URL, authentication, headers, timeout, retries and rate limit.',
  config: restTransportConfigSchema,
  outputs: { transport: { socket: 'transport:rest', label: 'API' } },
  async open(ctx): Promise<RestClient> {
    try {
      new URL(ctx.config.baseUrl);
    } catch (cause) {
      throw new ConfigError(`node "${ctx.nodeId}": baseUrl is not a valid URL; write it like "https://api.example.com/v1".`, {
        nodeId: ctx.nodeId, field: 'baseUrl', cause,
      });
    }
    return createRestClient(ctx.config, ctx.log);
  },
  close: async () => undefined,
  check: checkRestConnection,
});
