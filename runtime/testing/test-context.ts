import type { EntityInput, RejectInput } from '../../nodes/contract/batch.ts';
import { prepareRunConfig } from '../../nodes/contract/config-validation.ts';
import type { NodeContext, StoreContext } from '../../nodes/contract/context.ts';
import { ConfigError } from '../../nodes/contract/errors.ts';
import { silentLogger, type Logger } from '../../nodes/contract/logger.ts';
import type { AnyNodeDefinition } from '../../nodes/contract/node-definition.ts';
import { resolveReferences, type UnresolvedReference } from '../../nodes/contract/references.ts';
import type { EntityRegistry } from '../../nodes/entities/registry.ts';

/** What every harness entry point takes to build a node's context. */
export interface TestNodeOptions {
  definition: AnyNodeDefinition;
  /** The config as a flow file holds it; `$env` references resolve from `env`, defaults are applied. */
  config?: Record<string, unknown>;
  /** Environment for `$env` references (default: empty, so tests do not depend on the machine). */
  env?: Record<string, string | undefined>;
  /** Secrets for `$secret` references, by reference. */
  secrets?: Record<string, string>;
  nodeId?: string;
  flowId?: string;
  signal?: AbortSignal;
  /** Default: a logger that drops everything. */
  log?: Logger;
}

/**
 * Resolves references and validates the config exactly as a run does (`prepareRunConfig`), and throws a
 * `ConfigError` listing every problem, each naming the node and field.
 */
export async function prepareTestConfig(options: TestNodeOptions): Promise<Record<string, unknown>> {
  const nodeId = options.nodeId ?? 'node';
  const problems: UnresolvedReference[] = [];
  const secrets = options.secrets ?? {};
  const resolved = await resolveReferences(options.config ?? {}, options.env ?? {}, { resolve: (ref) => secrets[ref] }, problems, new Set());
  const { config, issues } = prepareRunConfig(options.definition, resolved);
  const messages = [
    ...problems.map((problem) => `config${problem.path.replace(/\//g, '.')}: ${problem.message}`),
    ...issues.map((issue) => issue.message),
  ];
  if (messages.length > 0) {
    throw new ConfigError(`node "${nodeId}" (${options.definition.type}): ${messages.join('; ')}`, {
      nodeId,
      field: issues[0]?.field,
    });
  }
  return config;
}

/** The base context: validated config, ids, signal and logger. */
export async function createTestNodeContext(options: TestNodeOptions): Promise<NodeContext<Record<string, unknown>>> {
  return {
    config: await prepareTestConfig(options),
    flowId: options.flowId ?? 'test-flow',
    nodeId: options.nodeId ?? 'node',
    runId: 'test-run',
    signal: options.signal ?? new AbortController().signal,
    log: options.log ?? silentLogger,
  };
}

/** Collects what a node hands back to the runtime: rejects and written entities. */
export interface TestSinks {
  rejects: RejectInput[];
  entities: EntityInput[];
}

/** What a process context adds to the base context. */
export interface ProcessExtras {
  transports: Record<string, unknown>;
  state: unknown;
  full: boolean;
  batchSize: number;
  /** `writeEntities` checks entities against it and rejects the invalid ones, as the runtime does. */
  registry: EntityRegistry;
  sinks: TestSinks;
}

/** A full process (and store) context over `base`, with transports, state and collecting sinks. */
export function createTestProcessContext(base: NodeContext<Record<string, unknown>>, extra: ProcessExtras): StoreContext<Record<string, unknown>> {
  return {
    ...base,
    state: extra.full ? undefined : extra.state,
    full: extra.full,
    batchSize: extra.batchSize,
    entityTypes: extra.registry,
    transport<T>(port = 'transport'): T {
      if (!(port in extra.transports)) {
        throw new ConfigError(`node "${base.nodeId}": no transport is wired to port "${port}"; pass it in runNode({ transports }).`, {
          nodeId: base.nodeId,
          field: `inputs.${port}`,
        });
      }
      return extra.transports[port] as T;
    },
    reject(record, reason) {
      extra.sinks.rejects.push({ record, reason });
    },
    async writeEntities(entities) {
      for (const entity of entities) {
        const problem = !entity.originId ? 'the entity has no originId' : extra.registry.check(entity.type, entity.data);
        if (problem) extra.sinks.rejects.push({ record: entity, reason: problem });
        else extra.sinks.entities.push(entity);
      }
    },
  };
}
