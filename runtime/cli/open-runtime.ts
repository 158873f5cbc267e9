import type { NodeCatalog } from '../../nodes/contract/catalog.ts';
import type { EntityRegistry } from '../../nodes/entities/registry.ts';
import type { TemplateCatalog } from '../../nodes/templates/template-catalog.ts';
import type { Environment } from '../config/environment.ts';
import { openProject, type Project } from '../project/open-project.ts';
import { EncryptedSecretStore, type SecretStore } from '../secrets/secret-store.ts';
import type { EntityStore } from '../store/entity-store.ts';
import { openStore } from '../store/open-store.ts';

/** What a headless command needs: the node catalogue, the entity types and the store. */
export interface Runtime {
  catalog: NodeCatalog;
  /** The entity types: built-in ones with the project's extra fields, plus its new types. */
  entities: EntityRegistry;
  /** Channel types and flow templates, built-in and from packages. */
  templates: TemplateCatalog;
  store: EntityStore;
  /** The encrypted secret store, for `$secret` references. */
  secrets: SecretStore;
  close(): Promise<void>;
}

/**
 * Opens the project (`tributary.config.json`: packages and entity extensions; TRIBUTARY_NODE_PATHS modules),
 * then the store (whose search text follows the extended entity types) and the secrets.
 */
export async function openRuntime(environment: Environment, project?: Project): Promise<Runtime> {
  const { catalog, entities, templates } = project ?? (await openProject({ nodePaths: environment.nodePaths }));
  const store = await openStore({ dataDir: environment.dataDir, databaseUrl: environment.databaseUrl, registry: entities });
  const secrets = await EncryptedSecretStore.open(environment.dataDir, process.env);
  return { catalog, entities, templates, store, secrets, close: () => store.close() };
}

/** The built-in node types plus the custom modules the environment lists and the project's packages. */
export async function createCatalog(environment: Environment): Promise<NodeCatalog> {
  return (await openProject({ nodePaths: environment.nodePaths })).catalog;
}

/** The project's node types, entity types (with extensions) and templates, as the server's context takes them. */
export async function openProjectParts(
  environment: Environment,
): Promise<{ catalog: NodeCatalog; entities: EntityRegistry; templates: TemplateCatalog }> {
  const { catalog, entities, templates } = await openProject({ nodePaths: environment.nodePaths });
  return { catalog, entities, templates };
}
