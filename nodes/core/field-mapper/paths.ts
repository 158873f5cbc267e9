/** Reads a value from a record; undefined when any step is missing. */
export type PathGetter = (record: unknown) => unknown;

/** Splits a dotted path (`customer.id`, `phones.0`) into its segments. */
export function splitPath(path: string): string[] {
  return path.split('.');
}

/** True for a segment that indexes an array (`0`, `12`). */
export function isIndex(segment: string): boolean {
  return /^\d+$/.test(segment);
}

type Container = Record<string, unknown>;

function step(value: unknown, key: string): unknown {
  return value === null || typeof value !== 'object' ? undefined : (value as Container)[key];
}

/**
 * Compiles a dotted path into a getter, unrolled for the usual one and two segments because the mapper
 * calls it for every field of every record.
 * @example compileGetter('customer.id')({ customer: { id: 7 } }) // 7
 */
export function compileGetter(path: string): PathGetter {
  const segments = splitPath(path);
  if (segments.length === 1) {
    const [a] = segments;
    return (record) => step(record, a);
  }
  if (segments.length === 2) {
    const [a, b] = segments;
    return (record) => step(step(record, a), b);
  }
  return (record) => {
    let value = record;
    for (const segment of segments) value = step(value, segment);
    return value;
  };
}

/** Writes a value at a dotted path into an object, creating objects (and arrays before index segments). */
export type PathSetter = (target: Container, value: unknown) => void;

/**
 * Compiles a dotted target path into a setter.
 * @example compileSetter('addresses.0.city')(data, 'Berlin') // data.addresses = [{ city: 'Berlin' }]
 */
export function compileSetter(path: string): PathSetter {
  const segments = splitPath(path);
  if (segments.length === 1) {
    const [a] = segments;
    return (target, value) => { target[a] = value; };
  }
  const last = segments[segments.length - 1];
  const makers = segments.slice(1).map((segment) => (isIndex(segment) ? () => [] : () => ({})));
  return (target, value) => {
    let node = target;
    for (let i = 0; i < segments.length - 1; i++) {
      let next = node[segments[i]] as Container | undefined;
      if (next === undefined) {
        next = makers[i]() as Container;
        node[segments[i]] = next;
      }
      node = next;
    }
    node[last] = value;
  };
}

/**
 * Removes the holes a rule set leaves in arrays (`phones.1` set while `phones.0` was empty), so
 * `["b"]` is written rather than `[, "b"]`.
 */
export function compactArrays(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    let write = 0;
    for (let read = 0; read < value.length; read++) {
      if (!(read in value)) continue;
      compactArrays(value[read]);
      value[write++] = value[read];
    }
    if (write !== value.length) value.length = write;
    return;
  }
  for (const key in value) compactArrays((value as Container)[key]);
}
