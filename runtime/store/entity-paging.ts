import type { EntityFilter } from './entity-filter.ts';
import { decodeCursor, pageSize, toPage } from './page-cursor.ts';
import type { EntityQuery, EntityRecord, Page } from './types.ts';

/** Reads up to `limit` entities matching a filter, ordered by channel then origin id. */
export type ReadEntityRows = (filter: EntityFilter, limit: number) => EntityRecord[] | Promise<EntityRecord[]>;

/** Rows per page when exporting: bounded memory whatever the table size. */
export const EXPORT_PAGE_SIZE = 1000;

/**
 * One page of an entity query, with keyset paging: the cursor is the last (channel, originId) returned,
 * so rows written between two pages never shift the next page (no duplicates, no gaps).
 */
export async function queryEntityPage(query: EntityQuery, read: ReadEntityRows): Promise<Page<EntityRecord>> {
  const limit = pageSize(query.limit);
  const after = query.cursor === undefined ? undefined : decodeCursor<[string, string]>(query.cursor, ['string', 'string']);
  const rows = await read({ type: query.type, channel: query.channel, text: query.text, after }, limit + 1);
  return toPage(rows, limit, (entity) => [entity.channel, entity.originId]);
}

/**
 * Every entity of a type (optionally one channel), ordered by channel then origin id, read a page at a time.
 *
 * @example for await (const entity of exportEntityPages('person', undefined, read)) write(entity)
 */
export async function* exportEntityPages(type: string, channel: string | undefined, read: ReadEntityRows):
  AsyncGenerator<EntityRecord> {
  let after: [string, string] | undefined;
  for (;;) {
    const rows = await read({ type, channel, after }, EXPORT_PAGE_SIZE);
    yield* rows;
    if (rows.length < EXPORT_PAGE_SIZE) return;
    const last = rows[rows.length - 1];
    after = [last.channel, last.originId];
  }
}
