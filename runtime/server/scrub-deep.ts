/**
 * A copy of a JSON-like value with `scrub` applied to every string and object key. Walking the value
 * (rather than scrubbing its JSON text) also catches secrets holding quotes or backslashes, which JSON
 * escapes.
 * @example scrubDeep({ message: 'login as s3cret failed' }, ctx.scrub) // { message: 'login as *** failed' }
 */
export function scrubDeep<T>(value: T, scrub: (text: string) => string): T {
  return walk(value, scrub) as T;
}

function walk(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((item) => walk(item, scrub));
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[scrub(key)] = walk(item, scrub);
    return out;
  }
  return value;
}
