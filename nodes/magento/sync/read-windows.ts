import type { SourceBatch } from '../../contract/batch.ts';
import type { ProcessContext } from '../../contract/context.ts';
import type { MagentoClient } from '../transport/magento-client.ts';
import { buildFilters, type FilterCondition } from '../wire/filters.ts';
import type { MagentoOperation } from '../wire/operations.ts';
import { parseMagentoTime, shiftMagentoTime, toMagentoTime } from './magento-time.ts';
import { mapLimit } from './map-limit.ts';
import { laterOf, startCursor, type WindowCursor } from './window-cursor.ts';

/** A list row: what the *List call returns for one entity. */
export type ListRow = Record<string, unknown>;

/** How one entity kind is listed and completed. */
export interface WindowSource<R> {
  listOperation: Extract<MagentoOperation, 'customerCustomerList' | 'salesOrderList' | 'catalogProductList'>;
  /** The list filter's id field, an alias Magento maps to entity_id: `customer_id`, `order_id`, `product_id`. */
  idField: string;
  /** Extra list arguments (a store view). */
  listArgs?: Record<string, unknown>;
  /** The entity id of a row (a number, even where the WSDL types it as a string). */
  idOf(row: ListRow): number;
  /** The full record for a row (an *Info call, the customer's addresses …); undefined when it is gone meanwhile. */
  complete(row: ListRow): Promise<R | undefined>;
}

const DAY_MS = 86_400_000;

function windowConditions(source: WindowSource<unknown>, cursor: WindowCursor, end: string | undefined): FilterCondition[] {
  const conditions: FilterCondition[] = [{ field: 'updated_at', op: 'from', value: cursor.windowStart }];
  if (end !== undefined) conditions.push({ field: 'updated_at', op: 'to', value: end });
  if (cursor.lastId > 0) conditions.push({ field: source.idField, op: 'gt', value: String(cursor.lastId) });
  return conditions;
}

/** The dedupe key of a row: id and `updated_at`; rows without `updated_at` (product lists) are never deduplicated. */
function seenKey(source: WindowSource<unknown>, row: ListRow): string | undefined {
  return typeof row.updated_at === 'string' ? `${source.idOf(row)}@${row.updated_at}` : undefined;
}

function updatedAtOf(record: unknown, row: ListRow): string | undefined {
  const value = (record as { updated_at?: unknown } | undefined)?.updated_at ?? row.updated_at;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Incremental reading the way Oro read Magento without its bridge: `updated_at` windows of `windowDays`
 * (`from`/`to`, both inclusive, the next window starting one second after the previous `to`: Magento's timestamps
 * are whole seconds, so windows neither overlap nor leave a gap, and records sharing an `updated_at` always fall in
 * one window), an `id gt lastId` cursor inside a window (so a resumed window skips only what was stored, even among
 * ties), the last window open-ended past the shop's clock, and a next run that starts `skewMinutes` before the shop's
 * clock at this run's last list call. Rows come sorted by id, deduplicated within the run by id and `updated_at`,
 * and completed with at most `client.concurrency` calls at once. Each batch carries the cursor after it; the last
 * batch of a window carries the next window's cursor, and an empty window yields its cursor alone so progress is kept.
 */
export async function* readWindows<R>(
  ctx: ProcessContext<unknown>,
  client: MagentoClient,
  source: WindowSource<R>,
): AsyncGenerator<SourceBatch<R, WindowCursor>> {
  const { cursor: start, reset } = startCursor(ctx.state, client.sync);
  if (reset) ctx.log.warn('the committed cursor is not one this connector wrote; starting over from syncStartDate');
  let cursor = start;
  const seen = new Set<string>();
  const windowMs = client.sync.windowDays * DAY_MS;
  for (;;) {
    ctx.signal.throwIfAborted();
    const following = shiftMagentoTime(cursor.windowStart, windowMs);
    const end = shiftMagentoTime(following, -1000);
    const final = parseMagentoTime(following).getTime() > client.serverTime().getTime();
    const filters = buildFilters(client.style, windowConditions(source, cursor, final ? undefined : end));
    const rows = await client.call<ListRow[]>(source.listOperation, { filters, ...source.listArgs });
    const skewMs = client.sync.skewMinutes * 60_000;
    const next = final ? toMagentoTime(new Date(client.serverTime().getTime() - skewMs)) : following;
    const fresh = rows
      .filter((row) => source.idOf(row) > cursor.lastId && !seen.has(seenKey(source, row) ?? ''))
      .sort((a, b) => source.idOf(a) - source.idOf(b));
    ctx.log.debug(`${source.listOperation} ${cursor.windowStart} → ${final ? 'now' : end}: ${fresh.length} new`);
    let highWater = cursor.highWater;
    if (fresh.length === 0) yield { records: [], state: { windowStart: next, lastId: 0, highWater } };
    for (let from = 0; from < fresh.length; from += ctx.batchSize) {
      const chunk = fresh.slice(from, from + ctx.batchSize);
      const completed = await mapLimit(chunk, client.concurrency, (row) => source.complete(row), ctx.signal);
      chunk.forEach((row, index) => {
        const key = seenKey(source, row);
        if (key) seen.add(key);
        highWater = laterOf(highWater, updatedAtOf(completed[index], row));
      });
      const last = from + ctx.batchSize >= fresh.length;
      const state: WindowCursor = last
        ? { windowStart: next, lastId: 0, highWater }
        : { windowStart: cursor.windowStart, lastId: source.idOf(chunk[chunk.length - 1]), highWater };
      yield { records: completed.filter((record): record is R => record !== undefined), state };
    }
    if (final) return;
    cursor = { windowStart: next, lastId: 0, highWater };
  }
}
