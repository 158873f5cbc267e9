/**
 * True when `timeZone` is an IANA time zone this Node.js knows (`Europe/Berlin`, `UTC`).
 * @example isValidTimeZone('Europe/Berlin') // true
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone }).format(0);
    return true;
  } catch {
    return false;
  }
}

/** The time zone a schedule runs in when it names none. */
export const DEFAULT_TIME_ZONE = 'UTC';
