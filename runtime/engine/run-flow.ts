import { randomUUID } from 'node:crypto';
import { CancelledError, TributaryError } from '../../nodes/contract/errors.ts';
import { silentLogger } from '../../nodes/contract/logger.ts';
import type { RunRecord } from '../store/types.ts';
import { CheckpointTracker } from './checkpoint-tracker.ts';
import { executeGraph } from './execute-graph.ts';
import type { Execution } from './execution.ts';
import { DEFAULT_LEASE_TTL_MS, defaultLeaseOwner, holdFlowLease } from './flow-lease.ts';
import { planFlow } from './plan-flow.ts';
import { RejectsBuffer } from './rejects-buffer.ts';
import { resolveConfigs } from './resolve-configs.ts';
import type { RunFlowOptions } from './run-options.ts';
import { addRunError, createRunRecord, finishRunRecord, nodeCounts } from './run-record.ts';
import { Scrubber } from './scrubber.ts';
import { throttle } from './throttle.ts';
import { closeTransports, openTransports } from './transports.ts';

/** Default records per batch. */
export const DEFAULT_BATCH_SIZE = 500;

/** Runs kept per flow unless the flow's settings say otherwise. */
export const DEFAULT_RUN_RETENTION = 100;

/**
 * Runs a flow once: validates and plans it, takes its lease, resolves config references, opens transports,
 * streams every batch to the store (cursors committed with the records they cover), always closes the
 * transports, and saves the run record. Resolves with the record; a failed run is a record, not a throw.
 * Throws only when the flow is invalid (`FlowDefinitionError`) or already running (`LeaseHeldError`).
 */
export async function runFlow(options: RunFlowOptions): Promise<RunRecord> {
  const { flow, store } = options;
  const plan = planFlow(flow, options.catalog);
  const owner = options.leaseOwner ?? defaultLeaseOwner();
  const lease = await holdFlowLease(store, flow.id, owner, options.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS);
  const run = createRunRecord(options.runId ?? randomUUID(), flow.id, options.trigger, options.full ?? false);
  for (const planned of [...plan.sources, ...plan.processors]) nodeCounts(run, planned.node.id);
  const abort = new AbortController();
  const onAbort = (signal: AbortSignal) => () => abort.abort(signal.reason);
  options.signal?.addEventListener('abort', onAbort(options.signal), { once: true });
  lease.lost.addEventListener('abort', onAbort(lease.lost), { once: true });
  if (options.signal?.aborted) abort.abort(options.signal.reason);
  let scrubber = new Scrubber([]);
  try {
    await store.failStaleRuns(flow.id, 'The process running this flow stopped before the run finished.');
    const states = await store.getNodeStates(flow.id);
    run.cursorsBefore = { ...states };
    run.cursorsAfter = { ...states };
    await store.saveRun(run, flow.settings?.runRetention ?? DEFAULT_RUN_RETENTION);
    options.onProgress?.({ type: 'run:start', run: structuredClone(run) });
    const resolved = await resolveConfigs(plan, options.env ?? process.env, options.secrets);
    scrubber = new Scrubber(resolved.secretValues);
    const report = throttle(250, (nodeId: string) =>
      options.onProgress?.({ type: 'node:counts', runId: run.id, nodeId, counts: { ...run.nodes[nodeId] }, entities: { ...run.entities } }),
    );
    const execution: Execution = {
      plan, run, configs: resolved.configs, resources: new Map(), store, entities: options.entities,
      tracker: new CheckpointTracker(plan.pathsToSinks), rejects: new RejectsBuffer(store, flow.id, run.id),
      scrubber, states, full: options.full ?? false, batchSize: flow.settings?.batchSize ?? DEFAULT_BATCH_SIZE,
      signal: abort.signal, log: options.logger ?? silentLogger, countsChanged: report.call,
    };
    await executeAndClose(execution);
    report.flush();
    finishRunRecord(run, run.rejected > 0 ? 'partial' : 'succeeded');
  } catch (error) {
    finishRunRecord(run, abort.signal.aborted && options.signal?.aborted ? 'cancelled' : 'failed');
    recordFailure(run, error, scrubber, options.signal?.aborted ?? false);
  } finally {
    await lease.release().catch(() => undefined);
  }
  await store.saveRun(run, flow.settings?.runRetention ?? DEFAULT_RUN_RETENTION);
  options.onProgress?.({ type: 'run:end', run: structuredClone(run) });
  return run;
}

async function executeAndClose(execution: Execution): Promise<void> {
  try {
    await openTransports(execution);
    await executeGraph(execution);
  } finally {
    await closeTransports(execution);
    await execution.rejects.flush();
  }
}

function recordFailure(run: RunRecord, error: unknown, scrubber: Scrubber, cancelled: boolean): void {
  if (cancelled) {
    addRunError(run, { code: 'cancelled', message: new CancelledError().message });
    return;
  }
  const code = error instanceof TributaryError ? error.code : 'internal';
  const nodeId = error instanceof TributaryError ? error.nodeId : undefined;
  const message = error instanceof Error ? error.message : String(error);
  run.errors.unshift({ nodeId, code, message: scrubber.scrub(message) });
}
