import type { EntityInput, RejectInput, SourceBatch } from '../../nodes/contract/batch.ts';
import type { ProcessContext } from '../../nodes/contract/context.ts';
import { InternalError } from '../../nodes/contract/errors.ts';
import type { AnyNodeDefinition, TransformOutput } from '../../nodes/contract/node-definition.ts';
import { EntityRegistry } from '../../nodes/entities/registry.ts';
import { createTestNodeContext, createTestProcessContext, type TestNodeOptions, type TestSinks } from './test-context.ts';

/** What `runNode` takes: a definition, its config, and what flows into it. */
export interface RunNodeOptions extends TestNodeOptions {
  /** Batches of records per input port, in order. */
  inputs?: Record<string, unknown[][]>;
  /** The committed state (a connector's cursor) the node starts from. */
  state?: unknown;
  /** A forced full sync. */
  full?: boolean;
  /** Opened transport resources per input port (see `openNode`). */
  transports?: Record<string, unknown>;
  /** The flow's batch size (`ctx.batchSize`, default 500). */
  batchSize?: number;
  /** Entity types `ctx.writeEntities` checks against (default: the built-in ones). */
  registry?: EntityRegistry;
}

/** What a node produced in a `runNode` call. */
export interface RunNodeResult {
  /** Every record sent to each output port, batches concatenated. */
  outputs: Record<string, unknown[]>;
  /** A connector's batches as `read` yielded them (records and state). */
  batches: SourceBatch[];
  rejects: RejectInput[];
  /** The states a connector yielded, in order; the last one is what a full run would commit. */
  states: unknown[];
  /** What a store node passed to `ctx.writeEntities` and the entity schemas accepted (the rest are rejects). */
  entities: EntityInput[];
}

function soleOutput(definition: AnyNodeDefinition): string {
  const ports = Object.keys(definition.outputs ?? {});
  if (ports.length !== 1) {
    throw new InternalError(`${definition.type} returned a plain array but has ${ports.length} output ports; return { port: records }`);
  }
  return ports[0];
}

function collect(definition: AnyNodeDefinition, output: TransformOutput, outputs: Record<string, unknown[]>): void {
  const byPort = Array.isArray(output) ? { [soleOutput(definition)]: output } : output;
  for (const [port, records] of Object.entries(byPort)) {
    if (!definition.outputs?.[port]) throw new InternalError(`${definition.type} returned records for unknown output port "${port}"`);
    (outputs[port] ??= []).push(...records);
  }
}

async function runRead(definition: AnyNodeDefinition, ctx: ProcessContext<Record<string, unknown>>, result: RunNodeResult): Promise<void> {
  const port = Object.keys(definition.outputs ?? {})[0] ?? 'records';
  for await (const batch of definition.read?.(ctx) ?? []) {
    result.batches.push(batch);
    (result.outputs[port] ??= []).push(...batch.records);
    if (batch.state !== undefined) result.states.push(batch.state);
  }
}

/**
 * Runs one node the way the runtime would, with a real context (config validated with defaults applied,
 * an AbortSignal, a silent logger), and returns what it produced. Connectors and sources are `read` to the
 * end; mappers and transforms get every input batch; stores get every input batch through `write`.
 * @example
 * const { outputs, rejects } = await runNode({
 *   definition: filterNode, config: { conditions: [{ path: 'age', op: 'gte', value: 18 }] },
 *   inputs: { records: [[{ age: 20 }, { age: 9 }]] },
 * });
 */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
  const { definition } = options;
  if (definition.category === 'transport') {
    throw new InternalError(`${definition.type} is a transport: test it with openNode() or checkNode()`);
  }
  const sinks: TestSinks = { rejects: [], entities: [] };
  const base = await createTestNodeContext(options);
  const ctx = createTestProcessContext(base, {
    transports: options.transports ?? {},
    state: options.state,
    full: options.full ?? false,
    batchSize: options.batchSize ?? 500,
    registry: options.registry ?? new EntityRegistry(),
    sinks,
  });
  const result: RunNodeResult = { outputs: {}, batches: [], rejects: sinks.rejects, states: [], entities: sinks.entities };
  const inputs = Object.entries(options.inputs ?? {});

  if (definition.read && (inputs.length === 0 || !definition.transform)) {
    await runRead(definition, ctx, result);
  } else if (definition.transform) {
    for (const [port, batches] of inputs) {
      for (const records of batches) collect(definition, await definition.transform(records, ctx, port), result.outputs);
    }
    if (definition.finish) collect(definition, await definition.finish(ctx), result.outputs);
  } else if (definition.write) {
    for (const [, batches] of inputs) {
      for (const records of batches) await definition.write({ records: records as EntityInput[], checkpoints: [] }, ctx);
    }
  } else {
    throw new InternalError(`${definition.type} (${definition.category}) has no read, transform or write behaviour`);
  }
  return result;
}
