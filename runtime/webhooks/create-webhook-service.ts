import type { NodeCatalog } from '../../nodes/contract/catalog.ts';
import type { Logger } from '../../nodes/contract/logger.ts';
import type { SecretResolver } from '../../nodes/contract/references.ts';
import type { FlowService } from '../flows/flow-service.ts';
import type { RunManager } from '../server/run-manager.ts';
import type { EntityStore } from '../store/entity-store.ts';
import { WebhookService } from './webhook-service.ts';

/** The parts of the app context the webhook service uses. */
export interface WebhookServiceParts {
  dataDir: string;
  env: Record<string, string | undefined>;
  catalog: NodeCatalog;
  secrets: SecretResolver;
  logger: Logger;
  store: EntityStore;
  flows: FlowService;
  runs: RunManager;
}

/**
 * Builds the webhook service over the app context's parts: flows from the flow service, cursors from the
 * store, runs (trigger `webhook`) through the run manager.
 * @example const webhooks = createWebhookService({ dataDir, env, catalog, secrets, logger, store, flows, runs });
 */
export function createWebhookService(parts: WebhookServiceParts): WebhookService {
  return new WebhookService({
    dataDir: parts.dataDir, env: parts.env, catalog: parts.catalog, secrets: parts.secrets, logger: parts.logger,
    getFlow: (flowId) => parts.flows.get(flowId),
    nodeStatesOf: (flowId) => parts.store.getNodeStates(flowId),
    startRun: (flowId) => parts.runs.start(flowId, { trigger: 'webhook' }),
  });
}
