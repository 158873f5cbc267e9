import { cronProblem, timeZoneProblem } from '../../scheduler/check-schedule.ts';
import { describeCron } from '../../scheduler/describe-cron.ts';
import { nextRunTimes } from '../../scheduler/next-runs.ts';
import { DEFAULT_TIME_ZONE } from '../../scheduler/time-zone.ts';
import { defineRoute, type RouteDefinition } from '../route-definition.ts';

/** `GET /api/schedule/preview`: is a cron expression valid, what does it mean, when does it fire next. */
export function scheduleRoutes(): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get', path: '/api/schedule/preview', tag: 'schedule', summary: 'Validity, a plain description and the next three run times of a schedule',
      query: {
        type: 'object', required: ['cron'],
        properties: { cron: { type: 'string', maxLength: 200 }, timezone: { type: 'string', maxLength: 100, default: DEFAULT_TIME_ZONE } },
      },
      responses: {
        200: {
          description: 'The preview (valid: false with a message when the cron or time zone is wrong)',
          schema: { type: 'object', properties: { valid: { type: 'boolean' }, message: { type: 'string' }, description: { type: 'string' }, next: { type: 'array', items: { type: 'string', format: 'date-time' } } } },
        },
      },
      handle: async ({ query }) => {
        const timezone = query.timezone ?? DEFAULT_TIME_ZONE;
        const message = [cronProblem(query.cron), timeZoneProblem(timezone)].filter(Boolean).join(' ');
        if (message) return { body: { valid: false, message, next: [] } };
        const description = describeCron(query.cron);
        const next = nextRunTimes(query.cron, timezone, 3).map((date) => date.toISOString());
        return { body: { valid: true, ...(description ? { description: `${description} (${timezone})` } : {}), next } };
      },
    }),
  ];
}
