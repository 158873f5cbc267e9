/** A value an incremental read keeps as its cursor: what the record's cursor field held. */
export type CursorValue = string | number;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const NUMERIC = /^-?\d+(?:\.\d+)?$/;

/** The cursor value in a record's field, or undefined when it is missing, null or not a string or number. */
export function asCursorValue(value: unknown): CursorValue | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value !== '') return value;
  return undefined;
}

/**
 * Orders two cursor values: numbers (and numeric strings) by value, ISO 8601 date-times by instant
 * (offsets honoured), anything else as text.
 * @example compareCursors('2024-01-01T10:00:00+02:00', '2024-01-01T09:00:00Z') // < 0
 */
export function compareCursors(a: CursorValue, b: CursorValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  if (NUMERIC.test(x) && NUMERIC.test(y)) return Number(x) - Number(y) || (x < y ? -1 : x > y ? 1 : 0);
  if (ISO_DATE.test(x) && ISO_DATE.test(y)) {
    const instant = Date.parse(x.replace(' ', 'T')) - Date.parse(y.replace(' ', 'T'));
    if (!Number.isNaN(instant) && instant !== 0) return instant;
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The larger of two cursor values; `undefined` counts as smallest. */
export function maxCursor(a: CursorValue | undefined, b: CursorValue | undefined): CursorValue | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareCursors(b, a) > 0 ? b : a;
}
