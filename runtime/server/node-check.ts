import { randomUUID } from 'node:crypto';
import type { NodeCatalog } from '../../nodes/contract/catalog.ts';
import { prepareRunConfig } from '../../nodes/contract/config-validation.ts';
import type { CheckResult } from '../../nodes/contract/context.ts';
import { NotFoundError } from '../../nodes/contract/errors.ts';
import type { Logger } from '../../nodes/contract/logger.ts';
import type { AnyNodeDefinition } from '../../nodes/contract/node-definition.ts';
import { resolveReferences, type SecretResolver, type UnresolvedReference } from '../../nodes/contract/references.ts';
import { Scrubber } from '../engine/scrubber.ts';
import { writeOnlyPaths } from '../flows/flow-secrets.ts';
import { RequestError } from './request-errors.ts';
import { scrubDeep } from './scrub-deep.ts';
import { scrubbingLogger } from './server-logger.ts';

/** What a connection check needs. */
export interface NodeCheckOptions {
  catalog: NodeCatalog;
  env: Record<string, string | undefined>;
  secrets: SecretResolver & { knownValues(): ReadonlySet<string> };
  logger: Logger;
  timeoutMs: number;
}

/** The check request: the node's config (references allowed), and optionally which flow node it is. */
export interface NodeCheckRequest {
  config: Record<string, unknown>;
  version?: number;
  flowId?: string;
  nodeId?: string;
}

function definitionOf(catalog: NodeCatalog, type: string, version?: number): AnyNodeDefinition {
  const definition = catalog.get(type, version);
  if (!definition) throw new NotFoundError(`There is no node type "${type}"${version ? ` version ${version}` : ''}.`);
  if (!definition.check) {
    throw new RequestError(`Node type "${type}" cannot check a connection (only transports that define "check" can).`, [], { code: 'not_checkable' });
  }
  return definition;
}

/** The plain values of `writeOnly` fields: scrubbed from the answer even before they are saved as secrets. */
function writeOnlyValues(definition: AnyNodeDefinition, config: Record<string, unknown>): string[] {
  return writeOnlyPaths(definition.config)
    .map((path) => path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), config))
    .filter((value): value is string => typeof value === 'string');
}

function describeUnresolved(problems: UnresolvedReference[]): string {
  return problems.map((problem) => `config${problem.path.replace(/\//g, '.')}: ${problem.message}`).join('; ');
}

/** Runs the check, giving up after the timeout (the node's signal is aborted then). */
async function checkWithTimeout(definition: AnyNodeDefinition, config: Record<string, unknown>, request: NodeCheckRequest, log: Logger, timeoutMs: number): Promise<CheckResult> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error('check timed out'));
      resolve({ ok: false, message: `The check got no answer within ${Math.round(timeoutMs / 1000)} seconds. Is the address right and the system reachable from this machine?` });
    }, timeoutMs);
  });
  const check = (definition.check as NonNullable<AnyNodeDefinition['check']>)({
    config, flowId: request.flowId ?? 'check', nodeId: request.nodeId ?? definition.type, runId: `check-${randomUUID()}`, signal: controller.signal, log,
  });
  try {
    return await Promise.race([check, timeout]);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `POST /api/nodes/:type/check`: resolves the config's references (environment and secret store), applies
 * defaults and validates it, and runs the node's `check` with a timeout and an AbortSignal. The answer never
 * holds a secret: stored secrets and the config's `writeOnly` values are scrubbed from it.
 */
export async function checkNodeConnection(options: NodeCheckOptions, type: string, request: NodeCheckRequest): Promise<CheckResult> {
  const definition = definitionOf(options.catalog, type, request.version);
  const problems: UnresolvedReference[] = [];
  const resolvedSecrets = new Set<string>();
  const resolved = await resolveReferences(request.config, options.env, options.secrets, problems, resolvedSecrets);
  const scrubber = new Scrubber([...options.secrets.knownValues(), ...resolvedSecrets, ...writeOnlyValues(definition, request.config)]);
  const scrub = (text: string): string => scrubber.scrub(text);
  if (problems.length > 0) return scrubDeep({ ok: false, message: `Some settings cannot be resolved: ${describeUnresolved(problems)}.` }, scrub);
  const prepared = prepareRunConfig(definition, resolved);
  if (prepared.issues.length > 0) {
    const message = `The settings are not complete: ${prepared.issues.map((issue) => issue.message).join('; ')}.`;
    return scrubDeep({ ok: false, message, details: { issues: prepared.issues } }, scrub);
  }
  const result = await checkWithTimeout(definition, prepared.config, request, scrubbingLogger(options.logger, scrub), options.timeoutMs);
  return scrubDeep(result, scrub);
}
