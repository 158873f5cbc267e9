import type { EntityInput } from '../../nodes/contract/batch.ts';
import type { NodeContext, ProcessContext, StoreContext } from '../../nodes/contract/context.ts';
import { InternalError } from '../../nodes/contract/errors.ts';
import type { Logger } from '../../nodes/contract/logger.ts';
import type { NodeStateUpdate } from '../store/types.ts';
import type { Execution } from './execution.ts';
import type { PlannedNode } from './plan-flow.ts';
import { addEntityCounts, addRunError, nodeCounts } from './run-record.ts';

function nodeLogger(execution: Execution, nodeId: string): Logger {
  const scrub = (fields?: Record<string, unknown>) => ({ nodeId, ...execution.scrubber.scrubValue(fields ?? {}) });
  return {
    debug: (message, fields) => execution.log.debug(execution.scrubber.scrub(message), scrub(fields)),
    info: (message, fields) => execution.log.info(execution.scrubber.scrub(message), scrub(fields)),
    warn: (message, fields) => execution.log.warn(execution.scrubber.scrub(message), scrub(fields)),
    error: (message, fields) => execution.log.error(execution.scrubber.scrub(message), scrub(fields)),
  };
}

/** The context every node behaviour receives: its resolved config, ids, the run's signal and a scrubbing logger. */
export function createNodeContext(execution: Execution, nodeId: string): NodeContext<Record<string, unknown>> {
  return {
    config: execution.configs.get(nodeId) ?? {},
    flowId: execution.plan.flow.id,
    nodeId,
    runId: execution.run.id,
    signal: execution.signal,
    log: nodeLogger(execution, nodeId),
  };
}

/** Builds the context a connector, mapper or transform receives. */
export function createProcessContext(execution: Execution, planned: PlannedNode): ProcessContext<Record<string, unknown>> {
  const nodeId = planned.node.id;
  const counts = nodeCounts(execution.run, nodeId);
  return {
    ...createNodeContext(execution, nodeId),
    state: execution.full ? undefined : execution.states[nodeId],
    full: execution.full,
    batchSize: execution.batchSize,
    entityTypes: execution.entities,
    transport<T>(port = 'transport'): T {
      const transportId = planned.transports.get(port);
      if (!transportId || !execution.resources.has(transportId)) {
        throw new InternalError(`node "${nodeId}" asked for transport port "${port}", which is not connected to an open transport`, { nodeId });
      }
      return execution.resources.get(transportId) as T;
    },
    reject(record: unknown, reason: string): void {
      const cleanReason = execution.scrubber.scrub(reason);
      counts.rejected += 1;
      execution.run.rejected += 1;
      addRunError(execution.run, { nodeId, code: 'rejected', message: cleanReason });
      execution.rejects.add({ nodeId, reason: cleanReason, record: execution.scrubber.scrubValue(record) });
      execution.countsChanged(nodeId);
    },
  };
}

/**
 * Builds a store node's context. `pendingStates` are the cursors the current batch makes committable;
 * they ride with the first `writeEntities` call of the batch, in the same transaction.
 */
export function createStoreContext(
  execution: Execution,
  planned: PlannedNode,
  pendingStates: { current: NodeStateUpdate[] },
): StoreContext<Record<string, unknown>> {
  const base = createProcessContext(execution, planned);
  return {
    ...base,
    async writeEntities(entities: EntityInput[]): Promise<void> {
      const valid = entities.filter((entity) => {
        const problem = !entity.originId ? 'the entity has no originId' : execution.entities.check(entity.type, entity.data);
        if (problem) base.reject(entity, problem);
        return !problem;
      });
      const states = pendingStates.current;
      pendingStates.current = [];
      const counts = await execution.store.upsertBatch({ channel: execution.plan.flow.id, runId: execution.run.id, entities: valid, states });
      for (const state of states) execution.run.cursorsAfter[state.nodeId] = state.state;
      addEntityCounts(execution.run, counts);
      execution.countsChanged(planned.node.id);
    },
  };
}
