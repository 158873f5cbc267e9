import { CoercionFailure, show } from './coercion-failure.ts';

/** `YYYY-MM-DD` or `YYYY/MM/DD`, optionally followed by a time and a zone offset. */
const DATE_TIME = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH_MS = /^-?\d{1,16}$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS[month - 1];
}

function offsetMinutes(zone: string): number {
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0');
  return digits[0] === '-' ? -minutes : minutes;
}

/** Matches a written date(-time) and checks it names a real instant; runs for every date of every record. */
function matchDateTime(value: unknown): RegExpExecArray | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_TIME.exec(value.trim());
  if (!m) return undefined;
  const month = +m[2], day = +m[3];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(+m[1], month)) return undefined;
  if (m[4] !== undefined && (+m[4] > 23 || +m[5] > 59 || (m[6] !== undefined && +m[6] > 59))) return undefined;
  return m;
}

/** Epoch milliseconds from a number, a digit string or a Date; undefined for anything else. */
function epochOf(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && EPOCH_MS.test(value.trim())) return Number(value.trim());
  return undefined;
}

function dateOfEpoch(epochMs: number, value: unknown): Date {
  const date = new Date(epochMs);
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 0 || year > 9999) throw new CoercionFailure(`${show(value)} is out of the supported date range`);
  return date;
}

/**
 * Converts to a calendar date `YYYY-MM-DD`: from `YYYY-MM-DD` (or `/`), a date-time (its date as written),
 * or epoch milliseconds (UTC). Impossible dates such as `2023-02-30` are refused.
 * @example coerceDate('1984-07-09 10:00:00') // '1984-07-09'
 */
export function coerceDate(value: unknown): string {
  const m = matchDateTime(value);
  if (m) return m[0].length === 10 && m[0][4] === '-' ? m[0] : `${m[1]}-${m[2]}-${m[3]}`;
  const epochMs = epochOf(value);
  if (epochMs !== undefined) return dateOfEpoch(epochMs, value).toISOString().slice(0, 10);
  throw new CoercionFailure(`${show(value)} is not a valid date (expected YYYY-MM-DD)`);
}

/**
 * Converts to an ISO 8601 UTC date-time (`2024-06-15T12:00:00.000Z`): from ISO 8601 with or without a zone,
 * `YYYY-MM-DD HH:mm:ss` (taken as UTC), a bare date (midnight UTC) or epoch milliseconds.
 * @example coerceDateTime('2024-06-15 14:00:00+02:00') // '2024-06-15T12:00:00.000Z'
 */
export function coerceDateTime(value: unknown): string {
  const m = matchDateTime(value);
  if (m) {
    const fraction = m[7] === undefined ? '000' : m[7].padEnd(3, '0').slice(0, 3);
    const zone = m[8];
    if (!zone || zone === 'Z' || zone === 'z') return `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}.${fraction}Z`;
    const local = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), +fraction);
    return dateOfEpoch(local - offsetMinutes(zone) * 60_000, value).toISOString();
  }
  const epochMs = epochOf(value);
  if (epochMs !== undefined) return dateOfEpoch(epochMs, value).toISOString();
  throw new CoercionFailure(`${show(value)} is not a valid date-time (expected ISO 8601, "YYYY-MM-DD HH:mm:ss" or epoch milliseconds)`);
}
