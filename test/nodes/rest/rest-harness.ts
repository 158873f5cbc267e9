import { restCollectionNode } from '../../../nodes/rest/collection/definition.ts';
import { restTransportNode } from '../../../nodes/rest/transport/definition.ts';
import type { RestClient } from '../../../nodes/rest/transport/rest-client.ts';
import { openNode, runNode, type RunNodeOptions, type RunNodeResult } from '../../../runtime/testing/index.ts';

/** Runs `rest.collection` (node id `items`) through a real `rest.transport` (node id `api`). */
export async function readCollection(
  transport: Record<string, unknown>,
  collection: Record<string, unknown>,
  options: Partial<RunNodeOptions> = {},
): Promise<RunNodeResult> {
  const api = await openNode<RestClient>({ definition: restTransportNode, config: transport, nodeId: 'api' });
  try {
    return await runNode({ definition: restCollectionNode, config: collection, nodeId: 'items', transports: { transport: api.resource }, ...options });
  } finally {
    await api.close();
  }
}

/** What `readCollection` threw (fails the test when it did not throw). */
export async function readError(transport: Record<string, unknown>, collection: Record<string, unknown>, options: Partial<RunNodeOptions> = {}): Promise<Error> {
  try {
    await readCollection(transport, collection, options);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the read to fail, but it succeeded');
}

/** The ids of records read, in order. */
export function idsOf(records: unknown[] | undefined): number[] {
  return (records ?? []).map((record) => (record as { id: number }).id);
}

/** 1..n */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** The collection settings of each pagination style against the fixture's routes. */
export const PAGINATION_CONFIGS: Record<string, Record<string, unknown>> = {
  none: { path: 'none/items' },
  page: { path: 'page/items', recordsPath: 'data.items', pagination: 'page', pageParam: 'page', pageSizeParam: 'per_page' },
  offset: { path: 'offset/items', recordsPath: '$.results', pagination: 'offset', offsetParam: 'offset', pageSizeParam: 'limit' },
  cursor: { path: 'cursor/items', recordsPath: 'items', pagination: 'cursor', nextTokenPath: 'meta.next_cursor', nextTokenParam: 'cursor', pageSizeParam: 'limit' },
  link: { path: 'link/items', pagination: 'link', pageSizeParam: 'per_page' },
};
