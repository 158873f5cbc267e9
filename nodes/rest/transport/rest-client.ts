import { TransportError } from '../../contract/errors.ts';
import type { Logger } from '../../contract/logger.ts';
import { sleep } from '../../common/abortable-sleep.ts';
import { authParts } from './auth.ts';
import type { RestTransportConfig } from './config-schema.ts';
import { RequestTimeout, networkFailure, type RequestBlame } from './fetch-errors.ts';
import { parseJsonReply, statusError, type RawReply } from './http-reply.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { buildUrl, redactUrl, type QueryParams } from './request-url.ts';
import { backoffDelay, parseRetryAfter } from './retry-policy.ts';

/** One GET request through the transport. */
export interface RestRequest {
  /** Path under the base URL, or an absolute URL on the base URL's origin (a `Link` header's next page). */
  path: string;
  query?: QueryParams;
  signal: AbortSignal;
  /** The node making the call; errors name it. */
  nodeId: string;
}

/** A 2xx reply with its JSON body. */
export interface RestReply {
  /** The URL that answered, without auth parameters (resolve relative links against it). */
  url: URL;
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * The resource `rest.transport` opens: GET requests with auth, default headers, a timeout, a rate
 * limit and retries with backoff that honour `Retry-After`. Errors are `TransportError`s that name the
 * node, say what failed, and never contain a secret.
 */
export interface RestClient {
  readonly baseUrl: string;
  /** GETs `path` and parses the reply as JSON, retrying transient faults. */
  getJson(request: RestRequest): Promise<RestReply>;
  /** One GET, no retries and no JSON parsing: what a connection check needs. */
  probe(request: RestRequest): Promise<RawReply & { url: string }>;
  /** A URL as text safe for messages (auth query parameters and user info redacted). */
  describeUrl(url: URL): string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * Creates the client for a validated `rest.transport` config.
 * @example const client = createRestClient(config, 'api', log); const { body } = await client.getJson({ path: 'items', signal, nodeId: 'items' });
 */
export function createRestClient(config: RestTransportConfig, log: Logger): RestClient {
  const auth = authParts(config);
  const limiter = createRateLimiter(config.requestsPerSecond);
  const headers = new Headers({ accept: 'application/json', 'user-agent': 'Tributary (rest.transport)' });
  for (const [name, value] of Object.entries({ ...config.headers, ...auth.headers })) headers.set(name, value);
  const base = new URL(config.baseUrl);
  const describeUrl = (url: URL): string => redactUrl(url, auth.secretParams);
  const blameFor = (url: URL, nodeId: string): RequestBlame => ({ nodeId, request: `GET ${describeUrl(url)}`, host: url.host });

  async function sendOnce(url: URL, signal: AbortSignal, blame: RequestBlame): Promise<RawReply> {
    const wire = new URL(url.href);
    for (const [name, value] of Object.entries(auth.query)) wire.searchParams.set(name, value);
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new RequestTimeout(config.timeoutMs)), config.timeoutMs);
    try {
      const response = await fetch(wire, { headers, redirect: 'manual', signal: AbortSignal.any([signal, timeout.signal]) });
      return { status: response.status, statusText: response.statusText, headers: response.headers, text: await response.text() };
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw networkFailure(timeout.signal.aborted ? timeout.signal.reason : error, blame);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends once, following same-origin redirects; credentials never go to another origin. */
  async function send(start: URL, request: RestRequest): Promise<{ url: URL; reply: RawReply }> {
    let url = start;
    for (let hop = 0; ; hop++) {
      const blame = blameFor(url, request.nodeId);
      const reply = await sendOnce(url, request.signal, blame);
      const location = reply.headers.get('location');
      if (!REDIRECTS.has(reply.status) || !location || hop === MAX_REDIRECTS) return { url, reply };
      const next = new URL(location, url);
      if (next.origin !== base.origin) {
        throw new TransportError(
          `node "${request.nodeId}": ${blame.request} redirects to another origin (${next.origin}); credentials are never sent there. Set baseUrl to that origin if it is right.`,
          { nodeId: request.nodeId, status: reply.status },
        );
      }
      url = next;
    }
  }

  function checkOrigin(url: URL, nodeId: string): void {
    if (url.origin === base.origin) return;
    throw new TransportError(
      `node "${nodeId}": refusing to request ${describeUrl(url)}: it is not on the base URL's origin (${base.origin}), and credentials are never sent to another origin.`,
      { nodeId },
    );
  }

  return {
    baseUrl: config.baseUrl,
    describeUrl,
    async probe(request) {
      const start = buildUrl(config.baseUrl, request.path, request.query);
      checkOrigin(start, request.nodeId);
      await limiter.acquire(request.signal);
      const { url, reply } = await send(start, request);
      return { ...reply, url: describeUrl(url) };
    },
    async getJson(request) {
      const start = buildUrl(config.baseUrl, request.path, request.query);
      checkOrigin(start, request.nodeId);
      for (let attempt = 1; ; attempt++) {
        await limiter.acquire(request.signal);
        let failure: TransportError;
        let retryAfterMs: number | undefined;
        try {
          const { url, reply } = await send(start, request);
          const blame = blameFor(url, request.nodeId);
          if (reply.status >= 200 && reply.status < 300) {
            return { url, status: reply.status, headers: reply.headers, body: parseJsonReply(reply, blame) };
          }
          failure = statusError(reply, blame);
          retryAfterMs = parseRetryAfter(reply.headers.get('retry-after'));
        } catch (error) {
          if (!(error instanceof TransportError)) throw error;
          failure = error;
        }
        if (!failure.retryable || attempt > config.retries) throw gaveUp(failure, attempt);
        if (retryAfterMs !== undefined && retryAfterMs > config.maxRetryDelayMs) throw waitTooLong(failure, retryAfterMs, config.maxRetryDelayMs);
        const delayMs = Math.round(retryAfterMs ?? backoffDelay(attempt, config.retryDelayMs, config.maxRetryDelayMs));
        log.warn(`retrying in ${delayMs} ms (attempt ${attempt + 1} of ${config.retries + 1})`, { nodeId: request.nodeId, error: failure.message });
        await sleep(delayMs, request.signal);
      }
    },
  };
}

function gaveUp(failure: TransportError, attempts: number): TransportError {
  if (attempts === 1) return failure;
  return new TransportError(`${failure.message} Gave up after ${attempts} attempts.`, {
    nodeId: failure.nodeId, retryable: failure.retryable, status: failure.status, cause: failure,
  });
}

function waitTooLong(failure: TransportError, retryAfterMs: number, maxMs: number): TransportError {
  return new TransportError(
    `${failure.message} The server asked to retry after ${Math.ceil(retryAfterMs / 1000)} s (Retry-After), longer than maxRetryDelayMs (${maxMs} ms); raise maxRetryDelayMs or run later.`,
    { nodeId: failure.nodeId, retryable: true, status: failure.status, cause: failure },
  );
}
