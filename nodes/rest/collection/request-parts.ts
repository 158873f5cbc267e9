import { ConfigError } from '../../contract/errors.ts';
import type { QueryParams } from '../transport/request-url.ts';
import type { RestCollectionConfig } from './config-schema.ts';
import type { CursorValue } from './cursor-values.ts';

/**
 * The path with its `{name}` placeholders filled from `pathParams` (URL-encoded). A placeholder without a
 * value is a config error naming it.
 * @example fillPath('shops/{shop}/orders', { shop: 'de 1' }, 'orders') // 'shops/de%201/orders'
 */
export function fillPath(path: string, params: Record<string, unknown>, nodeId: string): string {
  return path.replace(/\{([^{}]+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === '') {
      throw new ConfigError(`node "${nodeId}": the path "${path}" uses {${name}}, but pathParams has no "${name}".`, { nodeId, field: 'pathParams' });
    }
    return encodeURIComponent(String(value));
  });
}

/**
 * The query every page starts from: the configured parameters, the page size (when paging and
 * `pageSizeParam` is set) and, on an incremental read, the cursor parameter with the cursor to read from.
 */
export function firstQuery(config: RestCollectionConfig, since: CursorValue | undefined): QueryParams {
  const query: QueryParams = {};
  for (const [name, value] of Object.entries(config.query)) query[name] = String(value);
  if (config.pagination !== 'none' && config.pageSizeParam !== '') query[config.pageSizeParam] = String(config.pageSize);
  if (config.cursorParam && since !== undefined) query[config.cursorParam] = String(since);
  return query;
}
