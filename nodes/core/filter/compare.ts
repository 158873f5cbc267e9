import { isDeepStrictEqual } from 'node:util';

const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?\s*$/i;

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value === 'string' && NUMERIC.test(value)) return Number(value);
  return undefined;
}

/**
 * Equality as a user of a form expects it: `"5"` equals `5`, `"true"` equals `true` (records read from
 * CSV carry text); objects and arrays compare deeply.
 * @example looseEquals('5.0', 5) // true
 */
export function looseEquals(actual: unknown, expected: unknown): boolean {
  if (actual === expected) return true;
  if (typeof actual === 'object' || typeof expected === 'object') return isDeepStrictEqual(actual, expected);
  if (typeof actual === 'number' || typeof expected === 'number') {
    const a = asNumber(actual);
    return a !== undefined && a === asNumber(expected);
  }
  return actual !== undefined && String(actual) === String(expected);
}

/**
 * Orders two values: numerically when both are numbers (or numeric text), else as text (so ISO dates
 * order correctly). Undefined when they cannot be ordered, which makes the condition false.
 * @example compareValues('10', 9) // 1
 */
export function compareValues(actual: unknown, expected: unknown): number | undefined {
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== undefined && b !== undefined) return Math.sign(a - b);
  if (typeof actual === 'string' && typeof expected === 'string') return actual < expected ? -1 : actual > expected ? 1 : 0;
  return undefined;
}

/** Text of a string or number, or undefined for anything else. */
export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** Empty: missing, null, blank text, an empty array or an empty object. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}
