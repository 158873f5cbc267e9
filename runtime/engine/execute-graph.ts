import type { Batch, Checkpoint, EntityInput } from '../../nodes/contract/batch.ts';
import { TributaryError } from '../../nodes/contract/errors.ts';
import type { TransformOutput } from '../../nodes/contract/node-definition.ts';
import type { NodeCounts, NodeStateUpdate } from '../store/types.ts';
import { BoundedChannel } from './bounded-channel.ts';
import type { Execution } from './execution.ts';
import { createProcessContext, createStoreContext } from './node-context.ts';
import type { PlannedNode } from './plan-flow.ts';
import { nodeCounts } from './run-record.ts';

/** A batch addressed to one input port of a node. */
interface Delivery {
  port: string;
  batch: Batch;
}

/** How many batches may wait in front of a node before its producers pause. */
const CHANNEL_CAPACITY = 4;

/** Wraps a node's failure so the run record names the node. */
function nodeFailure(error: unknown, nodeId: string): unknown {
  if (error instanceof TributaryError && error.nodeId) return error;
  if (error instanceof TributaryError) return Object.assign(error, { nodeId });
  const message = error instanceof Error ? error.message : String(error);
  return new TributaryError('node_failed', `node "${nodeId}" failed: ${message}`, { nodeId, cause: error });
}

/**
 * Streams the flow: sources are read one after another (in phase order) while every other node consumes its
 * bounded inbox concurrently. Resolves when every node has finished; rejects with the first failure, after
 * stopping every node.
 */
export async function executeGraph(execution: Execution): Promise<void> {
  const { plan } = execution;
  const inboxes = new Map<string, BoundedChannel<Delivery>>();
  const remainingProducers = new Map<string, number>();
  for (const planned of plan.processors) {
    inboxes.set(planned.node.id, new BoundedChannel<Delivery>(CHANNEL_CAPACITY));
    remainingProducers.set(planned.node.id, planned.upstream.size);
  }
  const failAll = (error: unknown) => inboxes.forEach((inbox) => inbox.fail(error));
  execution.signal.addEventListener('abort', () => failAll(execution.signal.reason), { once: true });

  const emit = async (from: PlannedNode, port: string, batch: Batch): Promise<void> => {
    for (const connection of from.outgoing) {
      if (connection.from.port !== port) continue;
      await inboxes.get(connection.to.node)?.push({ port: connection.to.port, batch });
    }
  };
  const finished = (planned: PlannedNode): void => {
    for (const target of new Set(planned.outgoing.map((connection) => connection.to.node))) {
      const left = (remainingProducers.get(target) ?? 1) - 1;
      remainingProducers.set(target, left);
      if (left === 0) inboxes.get(target)?.close();
    }
  };
  // A processor with no upstream (nothing wired in) has nothing to do.
  for (const planned of plan.processors) if (planned.upstream.size === 0) inboxes.get(planned.node.id)?.close();

  const guard = (planned: PlannedNode, work: Promise<void>) =>
    work.then(
      () => finished(planned),
      (error: unknown) => {
        const failure = nodeFailure(error, planned.node.id);
        failAll(failure);
        throw failure;
      },
    );
  const processors = plan.processors.map((planned) =>
    guard(planned, runProcessor(execution, planned, inboxes.get(planned.node.id) as BoundedChannel<Delivery>, emit)),
  );
  const sources = (async () => {
    for (const planned of plan.sources) await guard(planned, runSource(execution, planned, emit));
  })();
  const results = await Promise.allSettled([sources, ...processors]);
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
}

type Emit = (from: PlannedNode, port: string, batch: Batch) => Promise<void>;

async function runSource(execution: Execution, planned: PlannedNode, emit: Emit): Promise<void> {
  const definition = planned.definition;
  const ctx = createProcessContext(execution, planned);
  const counts = nodeCounts(execution.run, planned.node.id);
  const port = Object.keys(definition.outputs ?? {})[0] ?? 'records';
  const started = performance.now();
  for await (const { records, state } of definition.read?.(ctx) ?? []) {
    execution.signal.throwIfAborted();
    const checkpoints = [];
    if (state !== undefined) {
      const { checkpoint, committable } = execution.tracker.create(planned.node.id, state);
      if (committable) {
        await execution.store.commitNodeStates(execution.plan.flow.id, [{ nodeId: planned.node.id, state }]);
        execution.run.cursorsAfter[planned.node.id] = state;
      } else checkpoints.push(checkpoint);
    }
    counts.out += records.length;
    counts.durationMs = performance.now() - started;
    execution.countsChanged(planned.node.id);
    if (records.length > 0 || checkpoints.length > 0) await emit(planned, port, { records, checkpoints });
  }
  counts.durationMs = performance.now() - started;
}

function outputsByPort(planned: PlannedNode, output: TransformOutput): Map<string, unknown[]> {
  const ports = Object.keys(planned.definition.outputs ?? {});
  if (Array.isArray(output)) return new Map([[ports[0] ?? 'records', output]]);
  return new Map(ports.map((port) => [port, output[port] ?? []]));
}

async function runProcessor(
  execution: Execution,
  planned: PlannedNode,
  inbox: BoundedChannel<Delivery>,
  emit: Emit,
): Promise<void> {
  const definition = planned.definition;
  const counts = nodeCounts(execution.run, planned.node.id);
  const pendingStates: { current: NodeStateUpdate[] } = { current: [] };
  const storeCtx = definition.write ? createStoreContext(execution, planned, pendingStates) : undefined;
  const ctx = storeCtx ?? createProcessContext(execution, planned);
  for await (const { port, batch } of inbox) {
    const started = performance.now();
    counts.in += batch.records.length;
    if (definition.write && storeCtx) {
      pendingStates.current = execution.tracker.ack(batch.checkpoints);
      await definition.write(batch as Batch<EntityInput>, storeCtx);
      if (pendingStates.current.length > 0) await storeCtx.writeEntities([]);
    } else if (definition.transform) {
      const output = batch.records.length > 0 ? await definition.transform(batch.records, ctx, port) : [];
      await emitOutputs(planned, counts, output, batch.checkpoints, emit);
    }
    counts.durationMs += performance.now() - started;
    execution.countsChanged(planned.node.id);
  }
  if (definition.finish) {
    const started = performance.now();
    await emitOutputs(planned, counts, await definition.finish(ctx), [], emit);
    counts.durationMs += performance.now() - started;
    execution.countsChanged(planned.node.id);
  }
}

/** Sends a transform's output on its wired ports, carrying the input batch's checkpoints on every path. */
async function emitOutputs(
  planned: PlannedNode,
  counts: NodeCounts,
  output: TransformOutput,
  checkpoints: Checkpoint[],
  emit: Emit,
): Promise<void> {
  const wiredPorts = new Set(planned.outgoing.map((connection) => connection.from.port));
  for (const [outPort, records] of outputsByPort(planned, output)) {
    counts.out += records.length;
    if (wiredPorts.has(outPort) && (records.length > 0 || checkpoints.length > 0)) await emit(planned, outPort, { records, checkpoints });
  }
}
