import cron from 'node-cron';
import { DEFAULT_TIME_ZONE } from './time-zone.ts';

/**
 * The next `count` times a cron expression fires in a time zone, as node-cron computes them (the scheduler
 * uses the same matcher, so this is what will happen). Throws on an invalid expression or time zone.
 *
 * Around daylight saving changes node-cron skips a local time that does not exist (02:30 on the spring
 * change day in Europe/Berlin) and fires once, at the second occurrence, for a local time that happens twice
 * (02:30 CET, not 02:30 CEST, on the autumn change day).
 * @example nextRunTimes('30 2 * * *', 'Europe/Berlin', 3) // [Date, Date, Date]
 */
export function nextRunTimes(expression: string, timezone = DEFAULT_TIME_ZONE, count = 3): Date[] {
  const task = cron.createTask(expression, () => undefined, { timezone, logger: silentCronLogger });
  try {
    return task.getNextRuns(count);
  } finally {
    void task.destroy();
  }
}

/** A node-cron logger that drops everything (its overlap and missed-run warnings are handled by us). */
export const silentCronLogger = {
  info: (): void => undefined,
  warn: (): void => undefined,
  error: (): void => undefined,
  debug: (): void => undefined,
};
