/**
 * Config of `magento.soap-transport`: the connection (WSDL URL, API user and key, WS-I), the call policy (timeout,
 * retries) and the incremental-sync settings every Magento connector wired to it follows.
 */
export const soapTransportConfigSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['wsdlUrl', 'apiUser', 'apiKey'],
  properties: {
    wsdlUrl: {
      type: 'string',
      pattern: '^https?://',
      title: 'WSDL URL',
      description: 'The SOAP API v2 WSDL of the shop, for example https://shop.example/index.php/api/v2_soap/?wsdl=1.',
    },
    apiUser: { type: 'string', minLength: 1, title: 'API user', description: 'A SOAP/XML-RPC user (System → Web Services).' },
    apiKey: { type: 'string', minLength: 1, writeOnly: true, title: 'API key', description: 'That user\'s API key.' },
    wsiMode: {
      type: 'boolean',
      default: false,
      title: 'WS-I compliance',
      description: 'On when the shop has "WS-I Compliance" set to Yes. The WSDL tells the truth: a mismatch is logged and the WSDL wins.',
    },
    timeoutMs: { type: 'integer', minimum: 100, maximum: 600000, default: 60000, title: 'Timeout (ms)', description: 'Per SOAP call.' },
    retries: {
      type: 'integer', minimum: 0, maximum: 10, default: 4, title: 'Retries',
      description: 'Retries of a call after a transient failure (timeout, HTTP 502/503/504, a reply that is not XML).',
    },
    retryDelayMs: {
      type: 'integer', minimum: 0, maximum: 300000, default: 5000, title: 'Retry delay (ms)',
      description: 'Wait before the first retry; it doubles on each further retry (5 s, 10 s, 20 s, 40 s).',
    },
    concurrency: {
      type: 'integer', minimum: 1, maximum: 16, default: 4, title: 'Parallel calls',
      description: 'How many detail calls (customerAddressList, salesOrderInfo, catalogProductInfo …) run at once.',
    },
    syncStartDate: {
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2})?Z?)?$',
      default: '2007-01-01',
      title: 'Sync start date',
      description: 'Lower bound (UTC) of the first sync: records last updated before it are not read.',
    },
    windowDays: {
      type: 'number', exclusiveMinimum: 0, maximum: 3660, default: 7, title: 'Window (days)',
      description: 'Length of the updated_at windows a sync walks through; smaller windows mean smaller replies.',
    },
    skewMinutes: {
      type: 'number', minimum: 0, maximum: 1440, default: 5, title: 'Clock skew margin (minutes)',
      description: 'The next run re-reads this far back before its cursor, for clock differences and late commits.',
    },
  },
} as const;
