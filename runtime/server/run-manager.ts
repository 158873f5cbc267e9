import { randomUUID } from 'node:crypto';
import type { NodeCatalog } from '../../nodes/contract/catalog.ts';
import { LeaseHeldError, NotFoundError, TributaryError } from '../../nodes/contract/errors.ts';
import type { Flow } from '../../nodes/contract/flow-file.ts';
import { silentLogger, type Logger } from '../../nodes/contract/logger.ts';
import type { SecretResolver } from '../../nodes/contract/references.ts';
import type { EntityRegistry } from '../../nodes/entities/registry.ts';
import { runFlow as defaultRunFlow } from '../engine/run-flow.ts';
import type { RunFlowOptions, RunProgress } from '../engine/run-options.ts';
import { StaleVersionError } from '../flows/flow-errors.ts';
import type { EntityStore } from '../store/entity-store.ts';
import type { RunRecord, RunTrigger } from '../store/types.ts';
import { RunChannel, type RunListener } from './run-channel.ts';
import { crashedRun, notStartedRun } from './run-records.ts';

/** What the run manager needs. */
export interface RunManagerOptions {
  store: EntityStore;
  catalog: NodeCatalog;
  entities: EntityRegistry;
  secrets: SecretResolver;
  env: Record<string, string | undefined>;
  /** The flow to run, as saved (the flow repository). */
  loadFlow(flowId: string): Promise<Flow>;
  logger?: Logger;
  /** Removes secret values from text kept on a crashed run's record. */
  scrub?: (text: string) => string;
  /** The engine (tests may wrap it); default `runFlow`. */
  runFlow?: (options: RunFlowOptions) => Promise<RunRecord>;
}

interface ActiveRun {
  runId: string;
  flowId: string;
  controller: AbortController;
  channel: RunChannel;
  done: Promise<RunRecord>;
}

/**
 * Starts runs in the background and keeps them controllable: one AbortController per active run (cancel),
 * progress fanned out to listeners (server-sent events), a crash recorded as a failed run, never thrown.
 * @example const { runId } = await runs.start('shop', { trigger: 'api' }); runs.cancel(runId);
 */
export class RunManager {
  private readonly active = new Map<string, ActiveRun>();
  private closing = false;

  constructor(private readonly options: RunManagerOptions) {}

  /**
   * Starts a run and resolves once it holds the flow's lease, with its id. Throws `LeaseHeldError` when the
   * flow is running, `FlowDefinitionError` when it is invalid, `NotFoundError` when there is no such flow.
   */
  async start(flowId: string, request: { trigger: RunTrigger; full?: boolean }): Promise<{ runId: string; done: Promise<RunRecord> }> {
    if (this.closing) throw new LeaseHeldError('Tributary is shutting down; the run was not started.');
    if ([...this.active.values()].some((run) => run.flowId === flowId)) {
      throw new LeaseHeldError(`Flow "${flowId}" is already running. Wait for that run to finish or cancel it.`);
    }
    const run = { runId: randomUUID(), flowId, controller: new AbortController(), channel: new RunChannel() } as ActiveRun;
    // Reserve the flow before the first await, so two starts at once cannot both get past the check above.
    this.active.set(run.runId, run);
    let flow: Flow;
    try {
      flow = await this.options.loadFlow(flowId);
    } catch (error) {
      this.active.delete(run.runId);
      throw error;
    }
    return this.launch(run, flow, request);
  }

  /** Calls the engine in the background; resolves once the run has started (or rejects if it could not). */
  private async launch(run: ActiveRun, flow: Flow, request: { trigger: RunTrigger; full?: boolean }): Promise<{ runId: string; done: Promise<RunRecord> }> {
    let last: RunRecord | undefined;
    let started!: () => void;
    const hasStarted = new Promise<void>((resolve) => (started = resolve));
    const onProgress = (event: RunProgress): void => {
      if (event.type !== 'node:counts') last = event.run;
      if (event.type === 'run:start') started();
      run.channel.publish(event);
    };
    const engine = this.options.runFlow ?? defaultRunFlow;
    const execution = Promise.resolve().then(() => engine({
      flow, catalog: this.options.catalog, store: this.options.store, entities: this.options.entities, trigger: request.trigger,
      full: request.full ?? false, signal: run.controller.signal, secrets: this.options.secrets, env: this.options.env,
      runId: run.runId, onProgress, logger: this.options.logger,
    }));
    run.done = execution.catch((error: unknown) => this.recordCrash(last, error)).finally(() => this.active.delete(run.runId));
    void run.done.then((record) => run.channel.finish(record), () => undefined);
    await Promise.race([hasStarted, execution]).catch((error: unknown) => {
      if (!last) throw error;
    });
    return { runId: run.runId, done: run.done };
  }

  /** A cron tick: runs the flow and waits for the end; a flow already running gets a `skipped` record. */
  async runScheduled(flowId: string, slot: Date): Promise<void> {
    try {
      const { done } = await this.start(flowId, { trigger: 'cron' });
      await done;
    } catch (error) {
      if (this.closing) return;
      if (error instanceof LeaseHeldError) return this.recordSkipped(flowId, slot);
      const code = error instanceof TributaryError ? error.code : 'internal';
      const message = error instanceof Error ? error.message : String(error);
      await this.options.store.saveRun(notStartedRun(flowId, 'cron', 'failed', { code, message: this.options.scrub?.(message) ?? message }));
    }
  }

  /** Records that the tick of `slot` found the flow running. */
  async recordSkipped(flowId: string, slot: Date): Promise<void> {
    const message = `The run due at ${slot.toISOString()} was skipped: the previous run of this flow was still going.`;
    await this.options.store.saveRun(notStartedRun(flowId, 'cron', 'skipped', { code: 'flow_busy', message }));
  }

  /** Asks an active run to stop at its next checkpoint; it ends `cancelled`. */
  async cancel(runId: string): Promise<void> {
    const run = this.active.get(runId);
    if (run) return run.controller.abort(new Error('cancelled through the API'));
    const record = await this.options.store.getRun(runId);
    if (!record) throw new NotFoundError(`There is no run "${runId}".`);
    throw new StaleVersionError(
      record.status === 'running'
        ? `Run "${runId}" is not running in this process; cancel it where it runs (or stop that process).`
        : `Run "${runId}" has already ended (${record.status}).`,
    );
  }

  /** Follows a run: missed progress first, then live; a run that has ended gets `end` at once. */
  async subscribe(runId: string, listener: RunListener): Promise<() => void> {
    const run = this.active.get(runId);
    if (run) return run.channel.subscribe(listener);
    const record = await this.options.store.getRun(runId);
    if (!record) throw new NotFoundError(`There is no run "${runId}".`);
    const channel = new RunChannel();
    if (record.status !== 'running') channel.finish(record);
    return channel.subscribe(listener);
  }

  /** The live record of a run going on in this process (with its latest counts), if it is one. */
  snapshot(runId: string): RunRecord | undefined {
    return this.active.get(runId)?.channel.snapshot();
  }

  /** Ids of the runs going on in this process. */
  activeRunIds(): string[] {
    return [...this.active.keys()];
  }

  /** Refuses new runs, cancels the active ones and waits for them, at most `deadlineMs`. */
  async shutdown(deadlineMs = 10_000): Promise<void> {
    this.closing = true;
    const runs = [...this.active.values()];
    for (const run of runs) run.controller.abort(new Error('Tributary is shutting down'));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs)));
    try {
      await Promise.race([Promise.allSettled(runs.map((run) => run.done)), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async recordCrash(last: RunRecord | undefined, error: unknown): Promise<RunRecord> {
    if (!last) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const message = `The run stopped unexpectedly: ${this.options.scrub ? this.options.scrub(reason) : reason}`;
    (this.options.logger ?? silentLogger).error('run crashed', { runId: last.id, flowId: last.flowId, error: message });
    const record = crashedRun(last, message);
    await this.options.store.saveRun(record).catch(() => undefined);
    return record;
  }
}
