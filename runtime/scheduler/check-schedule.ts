import cron from 'node-cron';
import type { FlowIssue } from '../../nodes/contract/errors.ts';
import type { Flow } from '../../nodes/contract/flow-file.ts';
import { isValidTimeZone } from './time-zone.ts';

/** Why a cron expression is refused, in one sentence; undefined when node-cron accepts it. */
export function cronProblem(expression: string): string | undefined {
  const result = cron.validateDetailed(expression);
  if (result.valid) return undefined;
  const reasons = result.errors.map((error) => error.message).join('; ');
  return `"${expression}" is not a valid cron expression (${reasons}). Use five fields (minute hour day month weekday) ` +
    'or six with seconds first, for example "*/15 * * * *" for every 15 minutes.';
}

/** Why a time zone is refused, in one sentence; undefined when it is a known IANA zone. */
export function timeZoneProblem(timeZone: string): string | undefined {
  if (isValidTimeZone(timeZone)) return undefined;
  return `"${timeZone}" is not an IANA time zone. Use a name such as "Europe/Berlin", "America/New_York" or "UTC".`;
}

/**
 * Checks a flow's schedule as node-cron will run it: the cron expression and the IANA time zone. Each
 * problem is an issue on the field `schedule.cron` or `schedule.timezone`.
 * @example checkSchedule({ cron: '61 * * * *', timezone: 'UTC' }) // [{ code: 'schedule-cron', field: 'schedule.cron', ... }]
 */
export function checkSchedule(schedule: Flow['schedule']): FlowIssue[] {
  if (!schedule) return [];
  const issues: FlowIssue[] = [];
  const cronMessage = typeof schedule.cron === 'string' ? cronProblem(schedule.cron) : undefined;
  if (cronMessage) issues.push({ code: 'schedule-cron', field: 'schedule.cron', message: `schedule.cron: ${cronMessage}` });
  const zoneMessage = typeof schedule.timezone === 'string' ? timeZoneProblem(schedule.timezone) : undefined;
  if (zoneMessage) issues.push({ code: 'schedule-timezone', field: 'schedule.timezone', message: `schedule.timezone: ${zoneMessage}` });
  return issues;
}
