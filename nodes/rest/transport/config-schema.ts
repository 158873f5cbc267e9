import type { FromSchema } from 'json-schema-to-ts';

/** The ways `rest.transport` can authenticate. */
export const REST_AUTH_TYPES = ['none', 'basic', 'bearer', 'apiKey'] as const;

/** Auth settings that must be present for each auth type (checked on save, not only at run time). */
const authRequirements = [
  { if: { properties: { authType: { const: 'basic' } }, required: ['authType'] }, then: { required: ['username', 'password'] } },
  { if: { properties: { authType: { const: 'bearer' } }, required: ['authType'] }, then: { required: ['token'] } },
  { if: { properties: { authType: { const: 'apiKey' } }, required: ['authType'] }, then: { required: ['apiKeyName', 'apiKey'] } },
] as const;

/** The `rest.transport` config schema: where the API is, how to authenticate, and how hard to try. */
export const restTransportConfigSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['baseUrl'],
  properties: {
    baseUrl: {
      type: 'string',
      pattern: '^https?://',
      title: 'Base URL',
      description: 'Root of the API, for example "https://api.example.com/v1"; connector paths are appended to it.',
    },
    authType: { enum: REST_AUTH_TYPES, default: 'none', title: 'Authentication' },
    username: { type: 'string', title: 'User name', description: 'Basic auth only.' },
    password: { type: 'string', writeOnly: true, title: 'Password', description: 'Basic auth only.' },
    token: { type: 'string', writeOnly: true, minLength: 1, title: 'Bearer token', description: 'Sent as "Authorization: Bearer <token>".' },
    apiKeyIn: { enum: ['header', 'query'], default: 'header', title: 'API key goes in', description: 'A request header or a query parameter.' },
    apiKeyName: { type: 'string', minLength: 1, title: 'API key name', description: 'Header or query parameter name, for example "X-API-Key" or "api_key".' },
    apiKey: { type: 'string', writeOnly: true, minLength: 1, title: 'API key' },
    headers: {
      type: 'object',
      additionalProperties: { type: 'string' },
      default: {},
      title: 'Default headers',
      description: 'Sent with every request, for example { "Accept-Language": "en" }.',
    },
    timeoutMs: { type: 'integer', minimum: 100, maximum: 600000, default: 30000, title: 'Timeout (ms)', description: 'Per request, reading the whole reply included.' },
    retries: { type: 'integer', minimum: 0, maximum: 20, default: 3, title: 'Retries', description: 'Extra tries after a network fault, a 408, 429 or 5xx reply.' },
    retryDelayMs: { type: 'integer', minimum: 0, maximum: 600000, default: 500, title: 'First retry delay (ms)', description: 'Doubled on each retry (with jitter) unless the server sends Retry-After.' },
    maxRetryDelayMs: {
      type: 'integer',
      minimum: 0,
      maximum: 3600000,
      default: 60000,
      title: 'Longest retry delay (ms)',
      description: 'Cap of the backoff; a Retry-After asking for longer fails the request instead of waiting.',
    },
    requestsPerSecond: { type: 'number', exclusiveMinimum: 0, maximum: 10000, title: 'Rate limit (requests/s)', description: 'Empty: no limit. Retries count too.' },
    checkPath: { type: 'string', default: '', title: 'Check path', description: 'Path that "Check connection" requests; empty: the base URL itself.' },
  },
  allOf: authRequirements,
} as const;

/** The validated `rest.transport` config. */
export type RestTransportConfig = FromSchema<typeof restTransportConfigSchema>;
