const NICKNAMES: Record<string, string> = {
  '@yearly': 'every year on 1 January at 00:00',
  '@annually': 'every year on 1 January at 00:00',
  '@monthly': 'on day 1 of every month at 00:00',
  '@weekly': 'every Sunday at 00:00',
  '@daily': 'every day at 00:00',
  '@midnight': 'every day at 00:00',
  '@hourly': 'every hour at minute 0',
};
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const isNumber = (field: string): boolean => /^\d+$/.test(field);
const stepOf = (field: string): number | undefined => (/^\*\/(\d+)$/.exec(field) ? Number(field.slice(2)) : undefined);
const plural = (n: number, unit: string): string => (n === 1 ? `every ${unit}` : `every ${n} ${unit}s`);
const clock = (hour: string, minute: string): string => `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;

function weekdayName(token: string): string | undefined {
  const index = isNumber(token) ? Number(token) % 7 : WEEKDAY_NAMES.indexOf(token.toUpperCase().slice(0, 3));
  return WEEKDAYS[index];
}

/** `1-5` → Monday to Friday; `1,3` → Monday and Wednesday; undefined for what this describer does not know. */
function describeWeekdays(field: string): string | undefined {
  const range = /^(\w+)-(\w+)$/.exec(field);
  if (range) {
    const [from, to] = [weekdayName(range[1]), weekdayName(range[2])];
    return from && to ? `${from} to ${to}` : undefined;
  }
  const names = field.split(',').map(weekdayName);
  if (names.some((name) => !name)) return undefined;
  return names.length === 1 ? `every ${names[0]}` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function describeTime(minute: string, hour: string): string | undefined {
  if (minute === '*' && hour === '*') return 'every minute';
  const minuteStep = stepOf(minute);
  if (minuteStep !== undefined && hour === '*') return plural(minuteStep, 'minute');
  if (!isNumber(minute)) return undefined;
  if (hour === '*') return `every hour at minute ${Number(minute)}`;
  const hourStep = stepOf(hour);
  if (hourStep !== undefined) return `${plural(hourStep, 'hour')} at minute ${Number(minute)}`;
  if (isNumber(hour)) return `at ${clock(hour, minute)}`;
  return undefined;
}

/** Adds the day part to a time description; undefined when the day fields are too unusual. */
function withDays(time: string, day: string, month: string, weekday: string): string | undefined {
  if (month !== '*') return undefined;
  const atClock = time.startsWith('at ');
  const combine = (days: string): string => (atClock ? `${days} ${time}` : `${time}, ${days}`);
  if (day === '*' && weekday === '*') return atClock ? `every day ${time}` : time;
  if (day === '*') {
    const days = describeWeekdays(weekday);
    return days ? combine(days) : undefined;
  }
  if (isNumber(day) && weekday === '*') return combine(`on day ${Number(day)} of every month`);
  return undefined;
}

/**
 * A plain-language description of common cron patterns, or undefined when the pattern is unusual (the
 * editor then shows the next run times only). Covers nicknames, steps, daily, weekly and monthly times.
 * @example describeCron('30 2 * * 1-5') // 'Monday to Friday at 02:30'
 */
export function describeCron(expression: string): string | undefined {
  const trimmed = expression.trim();
  if (NICKNAMES[trimmed]) return NICKNAMES[trimmed];
  const fields = trimmed.split(/\s+/);
  if (fields.length === 6) {
    const [second, ...rest] = fields;
    const step = stepOf(second);
    if (rest.every((field) => field === '*')) return second === '*' ? 'every second' : step ? plural(step, 'second') : undefined;
    if (second !== '0') return undefined;
    return describeCron(rest.join(' '));
  }
  if (fields.length !== 5) return undefined;
  const [minute, hour, day, month, weekday] = fields;
  const time = describeTime(minute, hour);
  return time ? withDays(time, day, month, weekday) : undefined;
}
