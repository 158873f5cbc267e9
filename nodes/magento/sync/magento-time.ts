/**
 * Magento stores `created_at`/`updated_at` in UTC as `Y-m-d H:i:s` and compares filter values as strings, so every
 * window bound is written in that exact form.
 */

const MAGENTO_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?Z?)?$/;

/**
 * A date (`2024-01-01`), a Magento time or an ISO time in UTC, as Magento's `Y-m-d H:i:s`. Throws on anything else.
 * @example toMagentoTime('2024-01-01') // '2024-01-01 00:00:00'
 */
export function toMagentoTime(value: string | Date): string {
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  const match = MAGENTO_TIME.exec(value.trim());
  if (!match) throw new Error(`"${value}" is not a date or time (use YYYY-MM-DD or YYYY-MM-DD HH:MM:SS, UTC)`);
  const time = `${match[1]} ${match[2] ?? '00:00'}:${match[3] ?? '00'}`;
  if (Number.isNaN(parseMagentoTime(time).getTime())) throw new Error(`"${value}" is not a real date or time`);
  return time;
}

/** Parses Magento's `Y-m-d H:i:s` (UTC); an invalid time gives an invalid Date. */
export function parseMagentoTime(value: string): Date {
  return new Date(`${value.replace(' ', 'T')}Z`);
}

/** `time` moved by `ms` milliseconds, in Magento's format. */
export function shiftMagentoTime(time: string, ms: number): string {
  return toMagentoTime(new Date(parseMagentoTime(time).getTime() + ms));
}
