import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadProblem, NodeCatalog } from '../../nodes/contract/catalog.ts';
import type { AnyNodeDefinition } from '../../nodes/contract/node-definition.ts';
import type { TemplateCatalog } from '../../nodes/templates/template-catalog.ts';
import { checkSocketReach } from './check-socket-reach.ts';
import { loadNodeModule, type ModuleEntry } from './load-node-module.ts';
import { nodePathEntry } from './load-node-modules.ts';

/** What one reload did: the module's source, the definitions it now provides and its problems. */
export interface NodeModuleChange {
  source: string;
  added: AnyNodeDefinition[];
  problems: LoadProblem[];
}

/** Options of `watchNodeModules`. */
export interface WatchNodeModulesOptions {
  /** Also replace the module's channel types and templates. */
  templates?: TemplateCatalog;
  /** Quiet time after the last file event before reloading (editors write in several steps); default 100 ms. */
  debounceMs?: number;
}

function dropProblems(catalog: NodeCatalog, source: string): void {
  for (let index = catalog.problems.length - 1; index >= 0; index--) {
    if (catalog.problems[index].source === source) catalog.problems.splice(index, 1);
  }
}

async function reload(catalog: NodeCatalog, entry: ModuleEntry, file: string, options: WatchNodeModulesOptions): Promise<NodeModuleChange> {
  catalog.removeSource(entry.source);
  options.templates?.removeSource(entry.source);
  dropProblems(catalog, entry.source);
  const mtime = await stat(file).then((stats) => stats.mtimeMs, () => undefined);
  let added: AnyNodeDefinition[] = [];
  if (mtime === undefined) {
    catalog.problems.push({ source: entry.source, severity: 'error', message: `${entry.label}: cannot be imported: the file was removed` });
  } else {
    added = await loadNodeModule(catalog, entry, { templates: options.templates, version: String(mtime) });
    catalog.problems.push(...checkSocketReach(catalog, new Set([entry.source]), () => entry.label));
  }
  return { source: entry.source, added, problems: catalog.problems.filter((problem) => problem.source === entry.source) };
}

/**
 * Watches node module files (TRIBUTARY_NODE_PATHS entries or the entries `openProject` returns) and, when
 * one changes, replaces its definitions in the catalog: `removeSource`, then a fresh import with a
 * `?v=<mtime>` query. Only the listed file is evaluated again, not the files it imports, so keep a
 * watched node in one file (as `tributary new-node` does) or restart for changes elsewhere. Reloads run
 * one at a time; problems replace the module's old ones in `catalog.problems`. Returns the function that stops watching.
 * @example const stop = watchNodeModules(catalog, project.modules, (change) => notifyEditors(change));
 */
export function watchNodeModules(
  catalog: NodeCatalog,
  paths: (string | ModuleEntry)[],
  onChange: (change: NodeModuleChange) => void,
  options: WatchNodeModulesOptions = {},
): () => void {
  const entries = paths.map((item) => (typeof item === 'string' ? nodePathEntry(item) : item)).filter((entry) => entry.url.startsWith('file:'));
  const byDir = new Map<string, Map<string, ModuleEntry>>();
  for (const entry of entries) {
    const file = fileURLToPath(entry.url);
    const files = byDir.get(path.dirname(file)) ?? new Map<string, ModuleEntry>();
    files.set(path.basename(file), entry);
    byDir.set(path.dirname(file), files);
  }
  const timers = new Map<string, NodeJS.Timeout>();
  let queue = Promise.resolve();
  const schedule = (dir: string, name: string, entry: ModuleEntry): void => {
    clearTimeout(timers.get(entry.source));
    timers.set(entry.source, setTimeout(() => {
      timers.delete(entry.source);
      // A listener that throws must not stop later reloads.
      queue = queue.then(() => reload(catalog, entry, path.join(dir, name), options)).then(onChange).catch(() => undefined);
    }, options.debounceMs ?? 100));
  };
  // The folder is watched, not the file: editors save by writing a new file and renaming it over the old one.
  const watchers: FSWatcher[] = [...byDir].map(([dir, files]) => watch(dir, (_event, name) => {
    const entry = name ? files.get(name.toString()) : undefined;
    if (entry && name) schedule(dir, name.toString(), entry);
  }));
  return () => {
    for (const watcher of watchers) watcher.close();
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  };
}
