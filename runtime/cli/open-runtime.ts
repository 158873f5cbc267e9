import type { NodeCatalog } from '../../nodes/contract/catalog.ts';
import { createBuiltInCatalog } from '../../nodes/builtin.ts';
import { EntityRegistry } from '../../nodes/entities/registry.ts';
import type { Environment } from '../config/environment.ts';
import { loadNodeModules } from '../nodes/load-node-modules.ts';
import { EncryptedSecretStore, type SecretStore } from '../secrets/secret-store.ts';
import type { EntityStore } from '../store/entity-store.ts';
import { openStore } from '../store/open-store.ts';

/** What a headless command needs: the node catalogue, the entity types and the store. */
export interface Runtime {
  catalog: NodeCatalog;
  entities: EntityRegistry;
  store: EntityStore;
  /** The encrypted secret store, for `$secret` references. */
  secrets: SecretStore;
  close(): Promise<void>;
}

/** Builds the catalogue (built-ins plus TRIBUTARY_NODE_PATHS modules) and opens the store and secrets. */
export async function openRuntime(environment: Environment): Promise<Runtime> {
  const catalog = await createCatalog(environment);
  const entities = new EntityRegistry();
  const store = await openStore({ dataDir: environment.dataDir, databaseUrl: environment.databaseUrl, registry: entities });
  const secrets = await EncryptedSecretStore.open(environment.dataDir, process.env);
  return { catalog, entities, store, secrets, close: () => store.close() };
}

/** The built-in node types plus the custom modules the environment lists. */
export async function createCatalog(environment: Environment): Promise<NodeCatalog> {
  const catalog = createBuiltInCatalog();
  await loadNodeModules(catalog, environment.nodePaths);
  return catalog;
}
