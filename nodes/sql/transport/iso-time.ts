const LOCAL = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?$/;
const ZONED = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?([+-]\d{2})(?::?(\d{2}))?$/;

/**
 * A date-time without a zone (PostgreSQL `timestamp`, MySQL `DATETIME`), read as UTC, in ISO 8601 with
 * every fractional digit kept. Text that is not a plain date-time (`infinity`, BC dates) comes back as is.
 * @example localToIso('2024-03-01 12:30:00.123456') // '2024-03-01T12:30:00.123456Z'
 */
export function localToIso(text: string): string {
  const match = LOCAL.exec(text);
  return match ? `${match[1]}T${match[2]}${match[3] ?? ''}Z` : text;
}

/**
 * A date-time with a zone offset (PostgreSQL `timestamptz`) in ISO 8601 UTC, fractional digits kept.
 * @example zonedToIso('2024-03-01 14:30:00.5+02') // '2024-03-01T12:30:00.5Z'
 */
export function zonedToIso(text: string): string {
  const match = ZONED.exec(text);
  if (!match) return text;
  const [, date, time, fraction = '', hours, minutes = '00'] = match;
  if (Number(hours) === 0 && minutes === '00') return `${date}T${time}${fraction}Z`;
  const instant = Date.parse(`${date}T${time}${hours}:${minutes}`);
  return Number.isNaN(instant) ? text : `${new Date(instant).toISOString().slice(0, 19)}${fraction}Z`;
}

const ISO_UTC = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)Z$/;

/**
 * An ISO 8601 UTC date-time as MySQL takes it (`2024-03-01 12:30:00.123456`), for binding a saved
 * cursor back; any other value is returned unchanged.
 */
export function isoToMysql(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const match = ISO_UTC.exec(value);
  return match ? `${match[1]} ${match[2]}` : value;
}
