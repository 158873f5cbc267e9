import { ConfigError } from '../../contract/errors.ts';

/** Reads the value at a compiled path; `undefined` when a step is missing. */
export type PathReader = (value: unknown) => unknown;

/**
 * Compiles a simple JSON path: dot-separated keys with an optional `$` / `$.` prefix and `[n]` or `.n`
 * array indices. Empty (or `$`) reads the value itself. `field` names the config field in errors.
 * @example compilePath('$.data.items', 'recordsPath', 'items')({ data: { items: [1] } }) // [1]
 */
export function compilePath(path: string, field: string, nodeId: string): PathReader {
  const text = path.trim().replace(/^\$\.?/, '');
  if (text === '') return (value) => value;
  const steps = text.replace(/\[(\d+)\]/g, '.$1').split('.');
  if (steps.some((step) => step === '')) {
    throw new ConfigError(`node "${nodeId}": ${field} "${path}" has an empty step; write it like "data.items" or "$.data.items".`, { nodeId, field });
  }
  return (value) => {
    let current = value;
    for (const step of steps) {
      if (typeof current !== 'object' || current === null) return undefined;
      current = (current as Record<string, unknown>)[step];
    }
    return current;
  };
}

/** A short description of a JSON value's type, for messages: "an object with keys a, b", "a string", "null". */
export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.slice(0, 10).join(', ')}${keys.length > 10 ? ', …' : ''}`;
  }
  return `a ${typeof value}`;
}
