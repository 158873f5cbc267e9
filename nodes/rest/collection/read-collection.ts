import type { SourceBatch } from '../../contract/batch.ts';
import type { ProcessContext } from '../../contract/context.ts';
import { ConfigError, TransportError } from '../../contract/errors.ts';
import type { RestClient, RestReply } from '../transport/rest-client.ts';
import type { RestCollectionConfig, RestCollectionState } from './config-schema.ts';
import { asCursorValue, compareCursors, maxCursor, type CursorValue } from './cursor-values.ts';
import { compilePath, describeJsonValue, type PathReader } from './json-path.ts';
import { createPager, type PageRequest } from './pagers.ts';
import { fillPath, firstQuery } from './request-parts.ts';

type CollectionContext = ProcessContext<RestCollectionConfig>;

function recordsOf(reply: RestReply, read: PathReader, ctx: CollectionContext, client: RestClient): unknown[] {
  const value = read(reply.body);
  if (Array.isArray(value)) return value;
  if (value === null) return [];
  const at = ctx.config.recordsPath === '' ? 'the body' : `recordsPath "${ctx.config.recordsPath}"`;
  const found = value === undefined ? `nothing (the body is ${describeJsonValue(reply.body)})` : describeJsonValue(value);
  throw new TransportError(`node "${ctx.nodeId}": ${at} of the reply from ${client.describeUrl(reply.url)} holds ${found}, not an array of records; check recordsPath.`, {
    nodeId: ctx.nodeId,
  });
}

/** Tracks the highest cursor value and notices records older than what was already passed. */
function cursorTracker(ctx: CollectionContext, start: CursorValue | undefined) {
  const read = ctx.config.cursorField ? compilePath(ctx.config.cursorField, 'cursorField', ctx.nodeId) : undefined;
  let highest = start;
  let floor = start;
  let warned = false;
  return {
    enabled: read !== undefined,
    get highest() {
      return highest;
    },
    see(records: unknown[]): void {
      if (!read) return;
      for (const record of records) {
        const value = asCursorValue(read(record));
        if (value === undefined) continue;
        if (!warned && floor !== undefined && compareCursors(value, floor) < 0) {
          warned = true;
          ctx.log.warn(`records come back older than the cursor already passed (${ctx.config.cursorField} ${JSON.stringify(value)} < ${JSON.stringify(floor)}): does the API filter by "${ctx.config.cursorParam}" and sort by ${ctx.config.cursorField}? If it does not sort, set sortedByCursor to false.`, { nodeId: ctx.nodeId });
        }
        highest = maxCursor(highest, value);
      }
      floor = highest;
    },
  };
}

/**
 * Reads a paged JSON collection: requests page after page through the wired `rest.transport`, takes the
 * records at `recordsPath`, and yields them in batches of at most `ctx.batchSize`. On an incremental read
 * (`cursorField` + `cursorParam`) it sends the highest cursor of the last run and yields the new highest
 * after each page (after the last page only, when the API does not sort by the cursor).
 */
export async function* readCollection(ctx: CollectionContext): AsyncGenerator<SourceBatch<unknown, RestCollectionState>> {
  const { config, nodeId } = ctx;
  const client = ctx.transport<RestClient>('transport');
  const readRecords = compilePath(config.recordsPath, 'recordsPath', nodeId);
  const saved = ctx.full ? undefined : asCursorValue((ctx.state as Partial<RestCollectionState> | undefined)?.cursor);
  const cursor = cursorTracker(ctx, saved);
  const path = fillPath(config.path, config.pathParams, nodeId);
  const pager = createPager(config, client, path, firstQuery(config, saved ?? config.initialCursor), nodeId);

  let request: PageRequest | undefined = pager.first();
  for (let pages = 1; request; pages++) {
    if (pages > config.maxPages) {
      throw new ConfigError(`node "${nodeId}": read ${config.maxPages} pages, the maxPages safety limit, and the API still has more; raise maxPages if the collection really is this large.`, {
        nodeId, field: 'maxPages',
      });
    }
    const reply = await client.getJson({ ...request, signal: ctx.signal, nodeId });
    const records = recordsOf(reply, readRecords, ctx, client);
    cursor.see(records);
    const next: PageRequest | undefined = pager.next(request, reply, records);
    const commit = cursor.enabled && cursor.highest !== undefined && (config.sortedByCursor || next === undefined);
    const state = commit ? { cursor: cursor.highest as CursorValue } : undefined;
    for (let start = 0; start < records.length || (start === 0 && state); start += ctx.batchSize) {
      const end = start + ctx.batchSize;
      yield end >= records.length && state ? { records: records.slice(start, end), state } : { records: records.slice(start, end) };
    }
    request = next;
  }
}
