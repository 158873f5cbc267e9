import { coerceDecimal } from '../../core/field-mapper/coerce-decimal.ts';

/** A record that cannot be mapped; the reason goes to the rejects. */
export class MappingError extends Error {
  override name = 'MappingError';
}

/** Trimmed text, or undefined when absent or blank. Unicode is kept as it is. */
export function text(value: unknown): string | undefined {
  if (value === undefined || value === null || typeof value === 'object') return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Money as the entities hold it: a decimal string with Magento's 4 places (`"19.9900"`, `"-5.0000"`), whether the
 * WSDL sends a decimal string (orders, products) or a double (cart lines). Throws MappingError when not a number.
 */
export function money(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  try {
    return coerceDecimal(value, 4);
  } catch (error) {
    throw new MappingError(`${field} ${JSON.stringify(value)} is not an amount: ${(error as Error).message}`);
  }
}

/** A decimal string without trailing zeros (`"2.0000"` → `"2"`) for quantities, weights and percentages. */
export function decimal(value: unknown, field: string, allowNegative = false): string | undefined {
  const amount = value === undefined || value === null || value === '' ? undefined : money(value, field);
  if (amount === undefined) return undefined;
  if (!allowNegative && amount.startsWith('-')) throw new MappingError(`${field} ${JSON.stringify(value)} is negative`);
  return amount.includes('.') ? amount.replace(/0+$/, '').replace(/\.$/, '') : amount;
}

const MAGENTO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?/;

/**
 * Magento's `Y-m-d H:i:s` (UTC) as ISO 8601 (`2024-06-15T12:00:00Z`); undefined for a blank or impossible value
 * (MySQL's `0000-00-00 00:00:00` among them), which is left out rather than failing the record.
 */
export function isoTime(value: unknown): string | undefined {
  const match = typeof value === 'string' ? MAGENTO_TIME.exec(value.trim()) : null;
  if (!match) return undefined;
  const [, y, m, d, hh = '00', mm = '00', ss = '00'] = match;
  const date = new Date(Date.UTC(+y, +m - 1, +d, +hh, +mm, +ss));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== +d || date.getUTCMonth() !== +m - 1 || +y < 1) return undefined;
  return `${y}-${m}-${d}T${hh}:${mm}:${ss}Z`;
}

/** The calendar date of a Magento date(-time) (`1976-12-07 00:00:00` → `1976-12-07`); undefined when impossible. */
export function isoDate(value: unknown): string | undefined {
  return isoTime(value)?.slice(0, 10);
}

/** An ISO 3166-1 alpha-2 code in upper case, or undefined. */
export function countryCode(value: unknown): string | undefined {
  const code = text(value)?.toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) ? code : undefined;
}

/** An e-mail address trimmed and lower-cased (Magento compares them case-insensitively). */
export function email(value: unknown): string | undefined {
  return text(value)?.toLowerCase();
}

/** A copy without `undefined` values, empty objects and empty arrays (the entity schemas take absent, not null). */
export function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    if (Array.isArray(field) && field.length === 0) continue;
    if (typeof field === 'object' && field !== null && !Array.isArray(field) && Object.keys(field).length === 0) continue;
    out[key] = field;
  }
  return out as T;
}
