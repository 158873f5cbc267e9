import cron, { type ScheduledTask } from 'node-cron';
import type { Flow } from '../../nodes/contract/flow-file.ts';
import { silentLogger, type Logger } from '../../nodes/contract/logger.ts';
import { silentCronLogger } from './next-runs.ts';
import { DEFAULT_TIME_ZONE } from './time-zone.ts';

/** What the scheduler calls; the run manager implements both. */
export interface FlowSchedulerHooks {
  /** Runs the flow for one tick and resolves when the run has ended (so an overlapping tick is noticed). */
  runScheduled(flowId: string, slot: Date): Promise<void>;
  /** Records that a tick found the flow still running: a `skipped` run, never a queued one. */
  recordSkipped(flowId: string, slot: Date): Promise<void>;
}

interface Entry {
  task: ScheduledTask;
  cron: string;
  timezone: string;
}

/**
 * Runs every enabled flow that has a `schedule` on its cron expression, in its IANA time zone, with
 * node-cron 4. `sync` after every save, enable, disable or delete reschedules at once. A tick while the
 * previous run of the flow is still going is recorded as skipped (`noOverlap`). Runs missed while the
 * process was down are not replayed.
 * @example const scheduler = new FlowScheduler(runManager); for (const flow of flows) scheduler.sync(flow);
 */
export class FlowScheduler {
  private readonly entries = new Map<string, Entry>();
  private stopped = false;

  constructor(
    private readonly hooks: FlowSchedulerHooks,
    private readonly log: Logger = silentLogger,
  ) {}

  /** Schedules, reschedules or unschedules the flow to match its `enabled` flag and `schedule`. */
  sync(flow: Flow): void {
    const schedule = flow.enabled === false || this.stopped ? undefined : flow.schedule;
    const current = this.entries.get(flow.id);
    const timezone = schedule?.timezone ?? DEFAULT_TIME_ZONE;
    if (current && schedule && current.cron === schedule.cron && current.timezone === timezone) return;
    this.remove(flow.id);
    if (!schedule) return;
    const task = cron.createTask(schedule.cron, (context) => this.tick(flow.id, context.date), {
      name: `flow:${flow.id}`, timezone, noOverlap: true, logger: silentCronLogger,
    });
    task.on('execution:overlap', (context) => this.skip(flow.id, context.date));
    void task.start();
    this.entries.set(flow.id, { task, cron: schedule.cron, timezone });
    this.log.info('flow scheduled', { flowId: flow.id, cron: schedule.cron, timezone });
  }

  /** Stops scheduling the flow (a run in progress goes on). */
  remove(flowId: string): void {
    const entry = this.entries.get(flowId);
    if (!entry) return;
    this.entries.delete(flowId);
    void entry.task.destroy();
  }

  /** The next `count` run times of a scheduled flow (ISO 8601 UTC); empty when it is not scheduled. */
  nextRuns(flowId: string, count = 3): string[] {
    return this.entries.get(flowId)?.task.getNextRuns(count).map((date) => date.toISOString()) ?? [];
  }

  /** Ids of the flows scheduled now. */
  scheduledFlowIds(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** Stops every schedule; later `sync` calls schedule nothing. Runs in progress are not touched. */
  stop(): void {
    this.stopped = true;
    for (const flowId of [...this.entries.keys()]) this.remove(flowId);
  }

  private async tick(flowId: string, slot: Date): Promise<void> {
    try {
      await this.hooks.runScheduled(flowId, slot);
    } catch (error) {
      this.log.error('scheduled run could not start', { flowId, error: (error as Error).message });
    }
  }

  private skip(flowId: string, slot: Date): void {
    this.hooks.recordSkipped(flowId, slot).catch((error: unknown) => {
      this.log.error('could not record a skipped run', { flowId, error: (error as Error).message });
    });
  }
}
