export * from './check-schedule.ts';
export * from './describe-cron.ts';
export * from './flow-scheduler.ts';
export * from './next-runs.ts';
export * from './time-zone.ts';
