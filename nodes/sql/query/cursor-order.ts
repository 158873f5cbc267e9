const INTEGER = /^-?\d+$/;
const ISO_UTC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/;

/**
 * Orders two cursor values when their order is certain: numbers, integer strings (bigint columns) and
 * ISO 8601 UTC date-times (every fractional digit counted). Returns undefined for anything else (text
 * orders by the database's collation, which this cannot know).
 * @example compareKnown('2024-01-01T00:00:00.5Z', '2024-01-01T00:00:00.25Z') // > 0
 */
export function compareKnown(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a !== 'string' || typeof b !== 'string') return undefined;
  if (INTEGER.test(a) && INTEGER.test(b)) {
    const difference = BigInt(a) - BigInt(b);
    return difference === 0n ? 0 : difference > 0n ? 1 : -1;
  }
  const x = ISO_UTC.exec(a);
  const y = ISO_UTC.exec(b);
  if (!x || !y) return undefined;
  if (x[1] !== y[1]) return x[1] < y[1] ? -1 : 1;
  const width = Math.max(x[2]?.length ?? 0, y[2]?.length ?? 0);
  const fx = (x[2] ?? '').padEnd(width, '0');
  const fy = (y[2] ?? '').padEnd(width, '0');
  return fx === fy ? 0 : fx < fy ? -1 : 1;
}
