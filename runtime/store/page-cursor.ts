import { ConfigError } from '../../nodes/contract/errors.ts';
import type { Page } from './types.ts';

/** Largest page a store returns, whatever limit is asked for. */
export const MAX_PAGE_SIZE = 1000;

/**
 * An opaque page cursor: base64url of the JSON of the last row's key values.
 *
 * @example encodeCursor(['shop', '42']) // 'WyJzaG9wIiwiNDIiXQ'
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * Reads a cursor made by `encodeCursor` whose key has the given shape (`'string'`/`'number'` per position).
 * Throws a `ConfigError` for anything else, so a tampered or stale cursor gets a clear message.
 */
export function decodeCursor<T extends (string | number)[]>(cursor: string, shape: readonly ('string' | 'number')[]): T {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid = Array.isArray(key) && key.length === shape.length
    && key.every((part, index) => typeof part === shape[index]);
  if (!valid) {
    throw new ConfigError('The page cursor is not valid: pass the nextCursor of the previous page unchanged, or omit it.', {
      field: 'cursor',
    });
  }
  return key as T;
}

/** A page size between 1 and `MAX_PAGE_SIZE`, `fallback` when none was asked for. */
export function pageSize(limit: number | undefined, fallback = 100): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit)));
}

/**
 * Turns rows fetched with `LIMIT limit + 1` into a page: the extra row only tells that a next page exists,
 * and the cursor is the key of the last row returned.
 */
export function toPage<T>(rows: T[], limit: number, keyOf: (item: T) => (string | number)[]): Page<T> {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(keyOf(items[items.length - 1])) };
}
