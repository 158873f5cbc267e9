import type { NodeCatalog } from '../../nodes/contract/catalog.ts';
import { prepareRunConfig } from '../../nodes/contract/config-validation.ts';
import { NotFoundError } from '../../nodes/contract/errors.ts';
import type { Flow } from '../../nodes/contract/flow-file.ts';
import type { Logger } from '../../nodes/contract/logger.ts';
import { resolveReferences, type SecretResolver, type UnresolvedReference } from '../../nodes/contract/references.ts';
import type { WebhookFormConfig } from '../../nodes/webhook/form/config-schema.ts';
import { formMisconfigured, formNotFound } from './webhook-errors.ts';

/** The node type the `/hooks` endpoint feeds. */
export const WEBHOOK_FORM_TYPE = 'webhook.form';

/** A form as one request sees it: where it is and its config with references resolved and defaults applied. */
export interface FormSource {
  flowId: string;
  nodeId: string;
  config: WebhookFormConfig;
}

/** What resolving a form needs. */
export interface FormSourceDeps {
  /** The saved flow (not re-validated here: a flow broken elsewhere still collects its submissions). */
  getFlow(flowId: string): Promise<{ flow: Flow }>;
  catalog: NodeCatalog;
  env: Record<string, string | undefined>;
  secrets: SecretResolver;
  logger: Logger;
}

// The same patterns the flow file schema has; checked first, so a path never reaches the file system unchecked.
const FLOW_ID = /^[a-z0-9][a-z0-9_-]{0,79}$/;
const NODE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;

async function findFlow(deps: FormSourceDeps, flowId: string, nodeId: string): Promise<Flow> {
  try {
    return (await deps.getFlow(flowId)).flow;
  } catch (error) {
    if (error instanceof NotFoundError) throw formNotFound(flowId, nodeId);
    deps.logger.warn('webhook: the flow file cannot be read', { flowId, error: (error as Error).message });
    throw formMisconfigured();
  }
}

/**
 * Finds the enabled `webhook.form` node `nodeId` of flow `flowId` and resolves its config (`$secret` and
 * `$env` references, defaults). An unknown flow or node, another node type or a disabled flow is a 404;
 * a config that cannot be used is logged and answered 500 without details.
 */
export async function resolveFormSource(deps: FormSourceDeps, flowId: string, nodeId: string): Promise<FormSource> {
  if (!FLOW_ID.test(flowId) || !NODE_ID.test(nodeId)) throw formNotFound(flowId, nodeId);
  const flow = await findFlow(deps, flowId, nodeId);
  const node = Array.isArray(flow.nodes) ? flow.nodes.find((item) => item?.id === nodeId) : undefined;
  if (flow.id !== flowId || node?.type !== WEBHOOK_FORM_TYPE) throw formNotFound(flowId, nodeId);
  if (flow.enabled === false) {
    deps.logger.info('webhook: submission refused, the flow is disabled', { flowId, nodeId });
    throw formNotFound(flowId, nodeId);
  }
  const definition = deps.catalog.get(node.type, node.version);
  const unresolved: UnresolvedReference[] = [];
  const resolved = await resolveReferences(node.config ?? {}, deps.env, deps.secrets, unresolved, new Set());
  const prepared = definition ? prepareRunConfig(definition, resolved) : undefined;
  const problems = [...unresolved.map((problem) => `config${problem.path.replace(/\//g, '.')}: ${problem.message}`),
    ...(prepared?.issues.map((issue) => issue.message) ?? [`${node.type} version ${node.version} is not installed`])];
  if (!prepared || problems.length > 0) {
    deps.logger.warn('webhook: the form cannot take submissions until its config is fixed', { flowId, nodeId, problems });
    throw formMisconfigured();
  }
  return { flowId, nodeId, config: prepared.config as WebhookFormConfig };
}
