import { TransportError, TributaryError } from '../../nodes/contract/errors.ts';
import type { Execution } from './execution.ts';
import { createNodeContext } from './node-context.ts';

/** How long closing one transport may take before the run moves on (as Node-RED races node close). */
export const TRANSPORT_CLOSE_TIMEOUT_MS = 5_000;

/** Opens every transport of the flow into `execution.resources`. On failure, what was opened stays there to close. */
export async function openTransports(execution: Execution): Promise<void> {
  for (const planned of execution.plan.transports) {
    const nodeId = planned.node.id;
    try {
      const resource = await planned.definition.open?.(createNodeContext(execution, nodeId));
      execution.resources.set(nodeId, resource);
    } catch (error) {
      if (error instanceof TributaryError) throw Object.assign(error, { nodeId: error.nodeId ?? nodeId });
      const message = execution.scrubber.scrub(error instanceof Error ? error.message : String(error));
      throw new TransportError(`node "${nodeId}" could not open its connection: ${message}`, { nodeId, cause: error });
    }
  }
}

/** Closes every opened transport, each raced against a timeout; never throws (problems are logged). */
export async function closeTransports(execution: Execution): Promise<void> {
  for (const planned of execution.plan.transports) {
    const nodeId = planned.node.id;
    if (!execution.resources.has(nodeId) || !planned.definition.close) continue;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        planned.definition.close(execution.resources.get(nodeId), createNodeContext(execution, nodeId)),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`closing took longer than ${TRANSPORT_CLOSE_TIMEOUT_MS} ms`)), TRANSPORT_CLOSE_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      execution.log.warn(`node "${nodeId}": closing its connection failed`, { error: execution.scrubber.scrub(String(error)) });
    } finally {
      clearTimeout(timer);
      execution.resources.delete(nodeId);
    }
  }
}
