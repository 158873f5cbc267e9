import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NodeCatalog } from '../../nodes/contract/catalog.ts';
import type { TemplateCatalog } from '../../nodes/templates/template-catalog.ts';
import { loadNodeModule, type ModuleEntry } from '../nodes/load-node-module.ts';
import { resolveNodePackage } from './resolve-node-package.ts';

/**
 * The module entry of one file of a package: its source is `<package>/<file>`, and messages name it
 * `package "<package>" (<file>)`.
 * @example packageModuleEntry('tributary-todo', '/p/node_modules/tributary-todo', 'src/index.ts').source // 'tributary-todo/src/index.ts'
 */
export function packageModuleEntry(name: string, dir: string, module: string): ModuleEntry {
  const file = path.posix.normalize(module.split(path.sep).join('/')).replace(/^\.\//, '');
  return { source: `${name}/${file}`, label: `package "${name}" (${file})`, url: pathToFileURL(path.resolve(dir, module)).href };
}

/**
 * Loads the node packages a project lists: each package's declared modules, their node definitions,
 * channel types and templates. Never throws: a package that is not installed, has no `tributary` field
 * or a missing module file is recorded in `catalog.problems` (source: the package name), and the rest
 * still load. Returns the module entries loaded (for the watcher and the socket check).
 * @example await loadProjectPackages(catalog, ['tributary-todo'], process.cwd(), { templates });
 */
export async function loadProjectPackages(
  catalog: NodeCatalog,
  packages: string[],
  projectDir: string,
  options: { templates?: TemplateCatalog } = {},
): Promise<ModuleEntry[]> {
  const entries: ModuleEntry[] = [];
  for (const name of packages) {
    let found;
    try {
      found = await resolveNodePackage(name, projectDir);
    } catch (error) {
      catalog.problems.push({ source: name, severity: 'error', message: (error as Error).message });
      continue;
    }
    for (const module of found.modules) {
      const entry = packageModuleEntry(found.name, found.dir, module);
      await loadNodeModule(catalog, entry, { templates: options.templates });
      entries.push(entry);
    }
  }
  return entries;
}
