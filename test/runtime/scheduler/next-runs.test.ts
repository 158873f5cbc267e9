import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkSchedule } from '../../../runtime/scheduler/check-schedule.ts';
import { describeCron } from '../../../runtime/scheduler/describe-cron.ts';
import { nextRunTimes } from '../../../runtime/scheduler/next-runs.ts';

afterEach(() => {
  vi.useRealTimers();
});

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe('next run times across daylight saving changes (30 2 * * * in Europe/Berlin)', () => {
  it('spring, 2026-03-29: 02:30 does not exist, so node-cron skips that day', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-27T12:00:00Z'));
    expect(iso(nextRunTimes('30 2 * * *', 'Europe/Berlin', 3))).toEqual([
      '2026-03-28T01:30:00.000Z', // 02:30 CET (UTC+1)
      '2026-03-30T00:30:00.000Z', // 02:30 CEST (UTC+2); nothing on the 29th
      '2026-03-31T00:30:00.000Z',
    ]);
  });

  it('autumn, 2026-10-25: 02:30 happens twice, node-cron runs once, at the second (CET) one', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-23T12:00:00Z'));
    expect(iso(nextRunTimes('30 2 * * *', 'Europe/Berlin', 3))).toEqual([
      '2026-10-24T00:30:00.000Z', // 02:30 CEST
      '2026-10-25T01:30:00.000Z', // 02:30 CET; not also at 00:30Z (02:30 CEST)
      '2026-10-26T01:30:00.000Z',
    ]);
  });

  it('computes in the given zone, UTC by default', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-01T00:00:00Z'));
    expect(iso(nextRunTimes('0 9 * * *'))).toEqual(['2026-06-01T09:00:00.000Z', '2026-06-02T09:00:00.000Z', '2026-06-03T09:00:00.000Z']);
    expect(iso(nextRunTimes('0 9 * * *', 'America/New_York', 1))).toEqual(['2026-06-01T13:00:00.000Z']);
  });
});

describe('checkSchedule', () => {
  it('accepts valid cron expressions (5 or 6 fields) and IANA zones', () => {
    expect(checkSchedule({ cron: '*/15 * * * *', timezone: 'Europe/Berlin' })).toEqual([]);
    expect(checkSchedule({ cron: '*/1 * * * * *' })).toEqual([]);
    expect(checkSchedule(undefined)).toEqual([]);
  });

  it('names the field and says what is wrong', () => {
    expect(checkSchedule({ cron: '61 * * * *', timezone: 'Mars/Olympus' })).toEqual([
      expect.objectContaining({ code: 'schedule-cron', field: 'schedule.cron', message: expect.stringContaining('61 is a invalid expression for minute') }),
      expect.objectContaining({ code: 'schedule-timezone', field: 'schedule.timezone', message: expect.stringContaining('"Mars/Olympus" is not an IANA time zone') }),
    ]);
    expect(checkSchedule({ cron: 'every day' })[0].message).toContain('expected 5 or 6 fields');
  });
});

describe('describeCron', () => {
  it.each([
    ['* * * * *', 'every minute'],
    ['*/15 * * * *', 'every 15 minutes'],
    ['*/1 * * * * *', 'every second'],
    ['0 * * * *', 'every hour at minute 0'],
    ['30 2 * * *', 'every day at 02:30'],
    ['0 9 * * 1-5', 'Monday to Friday at 09:00'],
    ['0 9 * * MON,WED', 'Monday and Wednesday at 09:00'],
    ['0 0 1 * *', 'on day 1 of every month at 00:00'],
    ['0 */2 * * *', 'every 2 hours at minute 0'],
    ['@daily', 'every day at 00:00'],
  ])('%s → %s', (expression, description) => {
    expect(describeCron(expression)).toBe(description);
  });

  it('gives up on unusual patterns rather than guess', () => {
    expect(describeCron('5 4 * 1 *')).toBeUndefined();
    expect(describeCron('1-5 * * * *')).toBeUndefined();
  });
});
