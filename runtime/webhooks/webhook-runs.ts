import { LeaseHeldError } from '../../nodes/contract/errors.ts';
import type { Logger } from '../../nodes/contract/logger.ts';
import type { RunRecord } from '../store/types.ts';

/** What the scheduler needs from the rest of the server. */
export interface WebhookRunsOptions {
  /** Starts a run with trigger `webhook` (the run manager); throws `LeaseHeldError` while the flow runs. */
  start(flowId: string): Promise<{ done: Promise<RunRecord> }>;
  /** Deletes the flow's processed submissions and counts the pending ones. */
  pending(flowId: string): Promise<number>;
  logger: Logger;
  /** How long submissions are gathered before a run starts (default 300 ms). */
  debounceMs?: number;
  /** How long to wait before trying again while another run holds the flow (default 1 s). */
  retryMs?: number;
}

interface FlowState {
  timer?: NodeJS.Timeout;
  running: boolean;
  /** A submission arrived during the run: run once more after it. */
  again: boolean;
  waiters: (() => void)[];
}

/**
 * Turns submissions into runs of their flow: submissions arriving within `debounceMs` of the first share a
 * run; one arriving while the flow runs schedules exactly one more run after it. Never two runs of a flow at
 * once, never a run with nothing to read; a failed run leaves the submissions for the next trigger.
 * @example runs.request('contact-form'); await runs.whenIdle('contact-form');
 */
export class WebhookRuns {
  private readonly flows = new Map<string, FlowState>();
  private stopped = false;

  constructor(private readonly options: WebhookRunsOptions) {}

  /** Asks for a run of the flow soon. */
  request(flowId: string): void {
    if (this.stopped) return;
    const state = this.stateOf(flowId);
    if (state.running) state.again = true;
    else this.arm(flowId, state, this.options.debounceMs ?? 300);
  }

  /** Resolves once the flow has no run going or planned. */
  whenIdle(flowId: string): Promise<void> {
    const state = this.flows.get(flowId);
    if (!state) return Promise.resolve();
    return new Promise((resolve) => state.waiters.push(resolve));
  }

  /** Cancels planned runs; runs going on are the run manager's to stop. */
  stop(): void {
    this.stopped = true;
    for (const [flowId, state] of this.flows) {
      clearTimeout(state.timer);
      if (!state.running) this.settle(flowId, state);
    }
  }

  private stateOf(flowId: string): FlowState {
    let state = this.flows.get(flowId);
    if (!state) {
      state = { running: false, again: false, waiters: [] };
      this.flows.set(flowId, state);
    }
    return state;
  }

  private arm(flowId: string, state: FlowState, delayMs: number): void {
    state.timer ??= setTimeout(() => void this.fire(flowId, state), delayMs);
  }

  private async fire(flowId: string, state: FlowState): Promise<void> {
    state.timer = undefined;
    state.running = true;
    state.again = false;
    let retry = false;
    try {
      retry = await this.runOnce(flowId);
    } finally {
      state.running = false;
    }
    if (this.stopped) this.settle(flowId, state);
    else if (retry) this.arm(flowId, state, this.options.retryMs ?? 1000);
    else if (state.again) this.arm(flowId, state, this.options.debounceMs ?? 300);
    else this.settle(flowId, state);
  }

  /** One attempt; true when the flow was busy and the attempt should be repeated. */
  private async runOnce(flowId: string): Promise<boolean> {
    const log = this.options.logger;
    try {
      if ((await this.options.pending(flowId)) === 0) return false;
      const { done } = await this.options.start(flowId);
      const run = await done;
      if (run.status === 'failed') {
        log.warn('webhook run failed; its submissions stay in the inbox for the next run', { flowId, runId: run.id, error: run.errors[0]?.message });
      }
      await this.options.pending(flowId);
      return false;
    } catch (error) {
      if (error instanceof LeaseHeldError) return !this.stopped;
      log.warn('webhook run could not start; its submissions stay in the inbox', { flowId, error: (error as Error).message });
      return false;
    }
  }

  private settle(flowId: string, state: FlowState): void {
    if (this.flows.get(flowId) === state) this.flows.delete(flowId);
    for (const resolve of state.waiters.splice(0)) resolve();
  }
}
