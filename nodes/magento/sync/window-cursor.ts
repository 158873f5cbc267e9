import type { SyncSettings } from '../transport/magento-client.ts';
import { parseMagentoTime } from './magento-time.ts';

/**
 * The cursor every incremental Magento connector commits (its node state):
 * - `windowStart`: inclusive lower bound (`updated_at from`) of the window being read, Magento's `Y-m-d H:i:s` UTC;
 * - `lastId`: entity id (customer_id / order_id / product_id) of the last record stored from that window, 0 when none;
 * - `highWater`: the latest `updated_at` among the records stored so far (progress; null before the first record).
 * After a completed run, `windowStart` is the shop's clock at the last list call minus `skewMinutes` and `lastId` is 0.
 * @example { "windowStart": "2024-06-15 12:00:00", "lastId": 21, "highWater": "2024-06-15 12:00:00" }
 */
export interface WindowCursor {
  windowStart: string;
  lastId: number;
  highWater: string | null;
}

function isCursor(state: unknown): state is WindowCursor {
  if (typeof state !== 'object' || state === null) return false;
  const { windowStart, lastId, highWater } = state as Record<string, unknown>;
  return typeof windowStart === 'string' && !Number.isNaN(parseMagentoTime(windowStart).getTime())
    && typeof lastId === 'number' && Number.isInteger(lastId) && lastId >= 0
    && (highWater === null || typeof highWater === 'string');
}

/**
 * Where a run starts: the committed cursor, or the first window at `syncStartDate` on a first or full sync (the
 * runtime passes no state then). A state this code did not write starts over, with `reset` set so it can be logged.
 */
export function startCursor(state: unknown, sync: SyncSettings): { cursor: WindowCursor; reset: boolean } {
  if (isCursor(state)) return { cursor: { ...state }, reset: false };
  return { cursor: { windowStart: sync.syncStartDate, lastId: 0, highWater: null }, reset: state !== undefined && state !== null };
}

/** The later of two `updated_at` values (Magento's format compares as text). */
export function laterOf(a: string | null, b: string | undefined): string | null {
  if (b === undefined || b === '') return a;
  return a === null || b > a ? b : a;
}
