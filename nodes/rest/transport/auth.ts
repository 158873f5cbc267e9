import type { RestTransportConfig } from './config-schema.ts';

/** What authentication adds to every request. */
export interface AuthParts {
  headers: Record<string, string>;
  query: Record<string, string>;
  /** Query parameter names that hold a secret, redacted from every URL shown. */
  secretParams: string[];
}

/**
 * The headers and query parameters the configured auth type adds (basic, bearer token, or an API key in
 * a header or a query parameter). The schema already requires the fields each type needs.
 * @example authParts({ baseUrl, authType: 'bearer', token: 't0k3n' }).headers // { authorization: 'Bearer t0k3n' }
 */
export function authParts(config: RestTransportConfig): AuthParts {
  const parts: AuthParts = { headers: {}, query: {}, secretParams: [] };
  switch (config.authType) {
    case 'basic': {
      const pair = `${config.username ?? ''}:${config.password ?? ''}`;
      parts.headers.authorization = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
      break;
    }
    case 'bearer':
      parts.headers.authorization = `Bearer ${config.token ?? ''}`;
      break;
    case 'apiKey':
      if (config.apiKeyIn === 'query') {
        parts.query[config.apiKeyName ?? ''] = config.apiKey ?? '';
        parts.secretParams.push(config.apiKeyName ?? '');
      } else {
        parts.headers[(config.apiKeyName ?? '').toLowerCase()] = config.apiKey ?? '';
      }
      break;
    default:
      break;
  }
  return parts;
}
