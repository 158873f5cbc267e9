import type { Coercion } from './config-schema.ts';
import { coerceDate, coerceDateTime } from './coerce-dates.ts';
import { coerceDecimal } from './coerce-decimal.ts';
import { CoercionFailure, show } from './coercion-failure.ts';

/** One compiled conversion step. */
export type Coercer = (value: unknown) => unknown;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const INTEGER = /^[+-]?\d+(?:\.0*)?$/;
const TRUE = new Set(['true', '1', 'yes']);
const FALSE = new Set(['false', '0', 'no']);

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  throw new CoercionFailure(`${show(value)} is not text`);
}

function toNumber(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && NUMBER.test(value.trim())) return Number(value.trim());
  const hint = typeof value === 'string' && value.includes(',') ? ' (use "." as the decimal point)' : '';
  throw new CoercionFailure(`${show(value)} is not a number${hint}`);
}

function toInteger(value: unknown): number {
  const number = typeof value === 'string' && INTEGER.test(value.trim()) ? Number(value.trim()) : typeof value === 'number' ? value : NaN;
  if (Number.isSafeInteger(number)) return number;
  throw new CoercionFailure(`${show(value)} is not an integer`);
}

function toBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  const key = typeof value === 'string' ? value.trim().toLowerCase() : typeof value === 'number' ? String(value) : '';
  if (TRUE.has(key)) return true;
  if (FALSE.has(key)) return false;
  throw new CoercionFailure(`${show(value)} is not a boolean (expected true/false, 1/0 or yes/no)`);
}

/**
 * The conversion step for `coercion`; `scale` is the number of places of a `decimal`.
 * @example coercerFor('lower')(' Ann@X.org') // ' ann@x.org'
 */
export function coercerFor(coercion: Coercion, scale?: number): Coercer {
  switch (coercion) {
    case 'trim': return (value) => text(value).trim();
    case 'lower': return (value) => text(value).toLowerCase();
    case 'upper': return (value) => text(value).toUpperCase();
    case 'string': return text;
    case 'number': return toNumber;
    case 'integer': return toInteger;
    case 'decimal': return (value) => coerceDecimal(value, scale);
    case 'date': return coerceDate;
    case 'datetime': return coerceDateTime;
    case 'boolean': return toBoolean;
  }
}
