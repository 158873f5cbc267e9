import { ConfigError, TransportError } from '../../contract/errors.ts';
import type { QueryParams } from '../transport/request-url.ts';
import type { RestClient, RestReply } from '../transport/rest-client.ts';
import type { RestCollectionConfig } from './config-schema.ts';
import { compilePath, describeJsonValue } from './json-path.ts';
import { nextLink } from './link-header.ts';

/** One page to request: a path (or absolute next-page URL) and its query. */
export interface PageRequest {
  path: string;
  query: QueryParams;
}

/**
 * Walks the pages of one collection. `next` returns the request for the page after `reply`, or
 * undefined after the last page; it throws when the API would make the read loop forever.
 */
export interface Pager {
  first(): PageRequest;
  next(previous: PageRequest, reply: RestReply, records: unknown[]): PageRequest | undefined;
}

type PagerConfig = Pick<RestCollectionConfig, 'pagination' | 'pageSize' | 'pageSizeParam' | 'pageParam' | 'firstPage' | 'offsetParam' | 'nextTokenPath' | 'nextTokenParam' | 'stopOnShortPage'>;

function isLastPage(config: PagerConfig, records: unknown[]): boolean {
  return records.length === 0 || (config.stopOnShortPage && records.length < config.pageSize);
}

/** A cheap fingerprint of a page, to notice an API that ignores the page or offset parameter. */
function fingerprint(records: unknown[]): string {
  return `${records.length}:${JSON.stringify(records[0])}:${JSON.stringify(records[records.length - 1])}`;
}

/** Page-number or offset pagination: `step` says how far the parameter moves after a page of `received` records. */
function numbered(config: PagerConfig, nodeId: string, param: string, field: string, start: number, step: (received: number) => number, first: PageRequest): Pager {
  let previous = '';
  return {
    first: () => ({ ...first, query: { ...first.query, [param]: String(start) } }),
    next(request, _reply, records) {
      if (isLastPage(config, records)) return undefined;
      const seen = fingerprint(records);
      if (seen === previous) {
        throw new ConfigError(
          `node "${nodeId}": the page at ${param}=${request.query[param]} holds the same records as the page before; the API seems to ignore the "${param}" parameter. Check config.${field} and the pagination style.`,
          { nodeId, field },
        );
      }
      previous = seen;
      return { ...request, query: { ...request.query, [param]: String(Number(request.query[param]) + step(records.length)) } };
    },
  };
}

function tokenPager(config: PagerConfig, nodeId: string, first: PageRequest): Pager {
  const readToken = compilePath(config.nextTokenPath ?? '', 'nextTokenPath', nodeId);
  const param = config.nextTokenParam;
  const sent = new Set<string>();
  return {
    first: () => first,
    next(request, reply) {
      const token = readToken(reply.body);
      if (token === undefined || token === null || token === '' || token === false) return undefined;
      if (typeof token !== 'string' && typeof token !== 'number') {
        throw new TransportError(`node "${nodeId}": the next token at "${config.nextTokenPath}" is ${describeJsonValue(token)}, not a string or number.`, { nodeId });
      }
      const text = String(token);
      if (request.query[param] !== undefined) sent.add(request.query[param]);
      if (sent.has(text)) {
        throw new TransportError(
          `node "${nodeId}": the API returned the next token ${JSON.stringify(text)} again, after it was already sent; reading stopped instead of looping forever. Check nextTokenPath ("${config.nextTokenPath}") and nextTokenParam ("${param}").`,
          { nodeId },
        );
      }
      return { ...first, query: { ...first.query, [param]: text } };
    },
  };
}

function linkPager(client: RestClient, nodeId: string, first: PageRequest): Pager {
  const visited = new Set<string>();
  return {
    first: () => first,
    next(_request, reply) {
      const target = nextLink(reply.headers.get('link'));
      if (target === undefined) return undefined;
      const url = new URL(target, reply.url);
      visited.add(reply.url.href);
      if (visited.has(url.href)) {
        throw new TransportError(
          `node "${nodeId}": the Link header of ${client.describeUrl(reply.url)} points to a page already read (${client.describeUrl(url)}); reading stopped instead of looping forever.`,
          { nodeId },
        );
      }
      return { path: url.href, query: {} };
    },
  };
}

/**
 * The pager for the configured style, starting at `path` with `query` (the base query, the page size and
 * the incremental cursor parameter already in it).
 * @example createPager(config, client, 'items', { limit: '100' }, 'items').first() // { path: 'items', query: { limit: '100', page: '1' } }
 */
export function createPager(config: PagerConfig, client: RestClient, path: string, query: QueryParams, nodeId: string): Pager {
  const first: PageRequest = { path, query };
  switch (config.pagination) {
    case 'page':
      return numbered(config, nodeId, config.pageParam, 'pageParam', config.firstPage, () => 1, first);
    case 'offset':
      return numbered(config, nodeId, config.offsetParam, 'offsetParam', 0, (received) => received, first);
    case 'cursor':
      return tokenPager(config, nodeId, first);
    case 'link':
      return linkPager(client, nodeId, first);
    default:
      return { first: () => first, next: () => undefined };
  }
}
