import { createBuiltInCatalog } from '../../nodes/builtin.ts';
import type { LoadProblem, NodeCatalog } from '../../nodes/contract/catalog.ts';
import { createEntityRegistry } from '../../nodes/entities/extend-entity-types.ts';
import type { EntityRegistry } from '../../nodes/entities/registry.ts';
import { createBuiltInTemplateCatalog } from '../../nodes/templates/built-in-templates.ts';
import { missingNodeTypes } from '../../nodes/templates/check-template.ts';
import type { TemplateCatalog } from '../../nodes/templates/template-catalog.ts';
import { checkSocketReach } from '../nodes/check-socket-reach.ts';
import type { ModuleEntry } from '../nodes/load-node-module.ts';
import { loadNodeModules, nodePathEntry } from '../nodes/load-node-modules.ts';
import { loadProjectConfig } from './load-project-config.ts';
import { loadProjectPackages } from './load-project-packages.ts';
import type { LoadedProjectConfig } from './project-config-schema.ts';

/** Everything a project adds to the built-ins: node types, templates, entity types, and where they came from. */
export interface Project {
  config: LoadedProjectConfig;
  /** Built-in node types, TRIBUTARY_NODE_PATHS modules and package modules; load problems in `catalog.problems`. */
  catalog: NodeCatalog;
  /** Built-in channel types and templates plus those packages export. */
  templates: TemplateCatalog;
  /** Built-in entity types with the project's extra fields, plus its new entity types. */
  entities: EntityRegistry;
  /** Every custom module loaded (TRIBUTARY_NODE_PATHS first, then packages), for `watchNodeModules`. */
  modules: ModuleEntry[];
}

/** Options of `openProject`. */
export interface OpenProjectOptions {
  /** TRIBUTARY_NODE_PATHS entries (the environment's `nodePaths`). */
  nodePaths?: string[];
  /** Environment for TRIBUTARY_CONFIG (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Where `tributary.config.json` is looked for (default the working directory). */
  cwd?: string;
  /** An already loaded project file (skips reading it). */
  config?: LoadedProjectConfig;
}

function templateWarnings(templates: TemplateCatalog, catalog: NodeCatalog): LoadProblem[] {
  return templates.list().flatMap((template) => {
    const source = templates.sourceOf(template.id) ?? 'built-in';
    const missing = missingNodeTypes(template, catalog);
    if (source === 'built-in' || missing.length === 0) return [];
    return [{ source, severity: 'warning' as const, message: `${source}: template "${template.id}" cannot be used yet: ${missing.join('; ')}` }];
  });
}

/**
 * Opens the project in the working directory: reads `tributary.config.json` (or TRIBUTARY_CONFIG), loads the
 * built-in node types, the TRIBUTARY_NODE_PATHS modules and the listed packages (problems are recorded in
 * `catalog.problems`, never thrown), warns about ports nothing can connect to, and builds the entity registry.
 * Throws only for a project file that is unreadable or invalid (a `ConfigError` naming the file and field).
 * @example const { catalog, templates, entities } = await openProject({ nodePaths: environment.nodePaths });
 */
export async function openProject(options: OpenProjectOptions = {}): Promise<Project> {
  const config = options.config ?? (await loadProjectConfig({ env: options.env, cwd: options.cwd }));
  const entities = createEntityRegistry(config.config.entities);
  const catalog = createBuiltInCatalog();
  const templates = createBuiltInTemplateCatalog();
  const nodePaths = options.nodePaths ?? [];
  await loadNodeModules(catalog, nodePaths, { templates, checkSockets: false });
  const packaged = await loadProjectPackages(catalog, config.config.packages, config.dir, { templates });
  const modules = [...nodePaths.map(nodePathEntry), ...packaged];
  const labels = new Map(modules.map((entry) => [entry.source, entry.label]));
  catalog.problems.push(
    ...checkSocketReach(catalog, new Set(labels.keys()), (source) => labels.get(source) ?? source),
    ...templateWarnings(templates, catalog),
  );
  return { config, catalog, templates, entities, modules };
}
