import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NodeCatalog } from '../../nodes/contract/catalog.ts';
import type { Logger } from '../../nodes/contract/logger.ts';
import { createBuiltInCatalog } from '../../nodes/builtin.ts';
import { EntityRegistry } from '../../nodes/entities/registry.ts';
import { createBuiltInTemplateCatalog } from '../../nodes/templates/built-in-templates.ts';
import type { TemplateCatalog } from '../../nodes/templates/template-catalog.ts';
import type { RunFlowOptions } from '../engine/run-options.ts';
import { Scrubber } from '../engine/scrubber.ts';
import { FlowHistory } from '../flows/flow-history.ts';
import { FlowRepository } from '../flows/flow-repository.ts';
import { FlowService } from '../flows/flow-service.ts';
import { checkSchedule } from '../scheduler/check-schedule.ts';
import { FlowScheduler } from '../scheduler/flow-scheduler.ts';
import { EncryptedSecretStore } from '../secrets/secret-store.ts';
import type { EntityStore } from '../store/entity-store.ts';
import { openStore } from '../store/open-store.ts';
import type { RunRecord } from '../store/types.ts';
import { bindInboxDirs } from '../webhooks/bind-inbox-dirs.ts';
import { createWebhookService } from '../webhooks/create-webhook-service.ts';
import type { WebhookService } from '../webhooks/webhook-service.ts';
import { loadApiToken, type ApiToken } from './api-token.ts';
import { NodeChangeFeed } from './node-changes.ts';
import { RunManager } from './run-manager.ts';
import { scrubbingLogger, stderrLogger } from './server-logger.ts';

/** Options of `createAppContext`. */
export interface AppContextOptions {
  /** TRIBUTARY_DATA_DIR: store, secrets, history, token. */
  dataDir: string;
  /** TRIBUTARY_FLOWS_DIR: the flow files. */
  flowsDir: string;
  /** The environment: `$env` references, TRIBUTARY_TOKEN, TRIBUTARY_SECRET_KEY, DATABASE_URL. */
  env: Record<string, string | undefined>;
  /** Node types (default: the built-ins). */
  catalog?: NodeCatalog;
  /** Entity types, with the project's extensions (default: the built-ins). */
  entities?: EntityRegistry;
  /** Channel types and flow templates (default: the built-ins). */
  templates?: TemplateCatalog;
  /** Entity store (default: `openStore`); a store passed in is not closed by `close()`. */
  store?: EntityStore;
  /** Log sink (default: stderr); every line goes through the secret scrubber first. */
  logger?: Logger;
  /** Start the scheduler (default true). */
  schedule?: boolean;
  /** Built editor to serve (default `editor/dist` when it exists). */
  editorDir?: string;
  /** Timeout of a node's connection check (default 15 s). */
  checkTimeoutMs?: number;
  /** The engine (tests may wrap it); default `runFlow`. */
  runFlow?: (options: RunFlowOptions) => Promise<RunRecord>;
}

/** Everything the HTTP app, the scheduler and the CLI commands share. */
export interface AppContext {
  dataDir: string;
  flowsDir: string;
  env: Record<string, string | undefined>;
  catalog: NodeCatalog;
  entities: EntityRegistry;
  templates: TemplateCatalog;
  store: EntityStore;
  secrets: EncryptedSecretStore;
  flows: FlowService;
  runs: RunManager;
  scheduler: FlowScheduler;
  token: ApiToken;
  /** Form submissions (`/hooks`): durable inboxes and the runs they trigger. */
  webhooks: WebhookService;
  /** Node catalogue reloads (`serve --watch-nodes`), sent to editors by `GET /api/nodes/events`. */
  nodeChanges: NodeChangeFeed;
  /** Scrubs secrets from every line. */
  logger: Logger;
  editorDir?: string;
  checkTimeoutMs: number;
  /** Replaces every stored secret value in `text` with `***`. */
  scrub(text: string): string;
  /** Stops scheduling, cancels runs (waiting at most `deadlineMs`), closes the store if it opened it. */
  close(deadlineMs?: number): Promise<void>;
}

const DEFAULT_EDITOR_DIR = fileURLToPath(new URL('../../editor/dist', import.meta.url));

/**
 * Opens everything the server needs and wires it together: catalog, entity registry, store, encrypted secret
 * store, flow repository with history, run manager and scheduler (every enabled scheduled flow is scheduled).
 * @example const ctx = await createAppContext({ dataDir: './data', flowsDir: './flows', env: process.env });
 */
export async function createAppContext(options: AppContextOptions): Promise<AppContext> {
  const catalog = options.catalog ?? createBuiltInCatalog();
  const entities = options.entities ?? new EntityRegistry();
  const templates = options.templates ?? createBuiltInTemplateCatalog();
  const secrets = await EncryptedSecretStore.open(options.dataDir, options.env);
  const scrub = cachedScrubber(secrets);
  const logger = scrubbingLogger(options.logger ?? stderrLogger(), scrub);
  const store = options.store ?? (await openStore({ dataDir: options.dataDir, databaseUrl: options.env.DATABASE_URL, registry: entities }));
  await store.init();
  const history = await FlowHistory.open(options.dataDir);
  const repository = new FlowRepository(options.flowsDir, history);
  // The run manager loads flows through the flow service, which is built after it (it tells the scheduler).
  let flows: FlowService | undefined;
  const loadFlow = (flowId: string) => (flows as FlowService).load(flowId).then((flow) => bindInboxDirs(flow, options.dataDir));
  const runs = new RunManager({ store, catalog, entities, secrets, env: options.env, loadFlow, logger, scrub, runFlow: options.runFlow });
  const scheduler = new FlowScheduler(runs, logger);
  flows = new FlowService({
    repository, history, catalog, secrets, checks: [(flow) => checkSchedule(flow.schedule)],
    onSaved: (flow) => scheduler.sync(flow),
    onDeleted: (flowId) => scheduler.remove(flowId),
  });
  const webhooks = createWebhookService({ dataDir: options.dataDir, env: options.env, catalog, secrets, logger, store, flows, runs });
  const editorDir = options.editorDir ?? (existsSync(DEFAULT_EDITOR_DIR) ? DEFAULT_EDITOR_DIR : undefined);
  const token = await loadApiToken(options.dataDir, options.env);
  if (options.schedule === false) scheduler.stop();
  else await scheduleSavedFlows(flows, scheduler, logger);
  await webhooks.recover();
  return {
    dataDir: options.dataDir, flowsDir: options.flowsDir, env: options.env, catalog, entities, templates, store, secrets, flows, runs,
    scheduler, token, webhooks, nodeChanges: new NodeChangeFeed(), logger, editorDir,
    checkTimeoutMs: options.checkTimeoutMs ?? 15_000, scrub,
    close: async (deadlineMs = 10_000) => {
      scheduler.stop();
      webhooks.stop();
      await runs.shutdown(deadlineMs);
      if (!options.store) await store.close();
    },
  };
}

/** A scrub function over the secret store's values, rebuilt only when the store changes. */
function cachedScrubber(secrets: EncryptedSecretStore): (text: string) => string {
  let revision = -1;
  let scrubber = new Scrubber([]);
  return (text) => {
    if (secrets.revision !== revision) {
      revision = secrets.revision;
      scrubber = new Scrubber(secrets.knownValues());
    }
    return scrubber.scrub(text);
  };
}

/** Schedules every saved flow that validates; a broken flow file is logged and left unscheduled. */
async function scheduleSavedFlows(flows: FlowService, scheduler: FlowScheduler, logger: Logger): Promise<void> {
  const { flows: listed, problems } = await flows.list();
  for (const problem of problems) logger.warn('flow file cannot be read', { ...problem });
  for (const { flow, issues } of listed) {
    if (issues.length === 0) scheduler.sync(flow);
    else if (flow.schedule && flow.enabled !== false) logger.warn('invalid flow is not scheduled', { flowId: flow.id, issues: issues.length });
  }
}
