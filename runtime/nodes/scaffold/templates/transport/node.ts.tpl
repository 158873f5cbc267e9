import { defineNode, TransportError } from 'tributary/contract';

/** What this transport opens: the client every `transport:__CHANNEL__` connector reads through. */
export interface __PASCAL__Client {
  /** One page of `resource`, oldest change first, with the records changed after `since` (all when it is absent). */
  list(resource: string, options: { since?: string; page: number; signal: AbortSignal }): Promise<{ records: Record<string, unknown>[]; next?: number }>;
}

/** The validated config this transport opens with. */
interface __PASCAL__Settings {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
}

/** Fetches JSON from the API; 5xx replies, 429 and timeouts are retryable `TransportError`s (the runtime retries). */
async function getJson(url: URL, settings: __PASCAL__Settings, signal: AbortSignal): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (settings.apiKey) headers.authorization = `Bearer ${settings.apiKey}`;
  let reply: Response;
  try {
    reply = await fetch(url, { headers, signal: AbortSignal.any([signal, AbortSignal.timeout(settings.timeoutMs)]) });
  } catch (cause) {
    throw new TransportError(`${url.origin} did not answer (${(cause as Error).message}); check baseUrl and the network.`, { retryable: true, cause });
  }
  if (!reply.ok) {
    const retryable = reply.status >= 500 || reply.status === 429;
    throw new TransportError(`${url.origin}${url.pathname} answered HTTP ${reply.status}.`, { retryable, status: reply.status });
  }
  return reply.json();
}

/** A client for `GET <baseUrl>/<resource>?page=<n>&since=<cursor>` answering `{ "records": [...], "next": n }`. */
export function create__PASCAL__Client(settings: __PASCAL__Settings): __PASCAL__Client {
  return {
    async list(resource, { since, page, signal }) {
      const url = new URL(`${settings.baseUrl.replace(/\/+$/, '')}/${resource}`);
      url.searchParams.set('page', String(page));
      if (since !== undefined) url.searchParams.set('since', since);
      const body = (await getJson(url, settings, signal)) as { records?: Record<string, unknown>[]; next?: number };
      return { records: body.records ?? [], next: body.next ?? undefined };
    },
  };
}

/**
 * `__TYPE__`: the __CHANNEL__ HTTP API. Opens a client the `transport:__CHANNEL__` connectors read through;
 * the API key is a secret (`writeOnly`), so the editor moves it into the secret store.
 */
export const __IDENT__Node = defineNode({
  type: '__TYPE__',
  version: 1,
  category: 'transport',
  channelType: '__CHANNEL__',
  label: '__LABEL__',
  description: 'The __CHANNEL__ API: base URL and API key.',
  config: {
    type: 'object',
    additionalProperties: false,
    required: ['baseUrl', 'timeoutMs'],
    properties: {
      baseUrl: { type: 'string', pattern: '^https?://', title: 'Base URL', description: 'For example "https://api.example.com/v1".' },
      apiKey: { type: 'string', writeOnly: true, title: 'API key', description: 'Sent as "Authorization: Bearer <key>".' },
      timeoutMs: { type: 'integer', minimum: 100, maximum: 600000, default: 30000, title: 'Timeout (ms)' },
    },
  },
  outputs: { transport: { socket: 'transport:__CHANNEL__', label: '__CHANNEL__ API' } },
  open: async (ctx): Promise<__PASCAL__Client> => create__PASCAL__Client(ctx.config),
  close: async () => undefined,
  async check(ctx) {
    try {
      await getJson(new URL(ctx.config.baseUrl), ctx.config, ctx.signal);
      return { ok: true, message: `${new URL(ctx.config.baseUrl).origin} answered.` };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  },
});

export default __IDENT__Node;
