import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NodeCatalog } from '../../nodes/contract/catalog.ts';
import type { AnyNodeDefinition } from '../../nodes/contract/node-definition.ts';
import type { TemplateCatalog } from '../../nodes/templates/template-catalog.ts';
import { checkSocketReach } from './check-socket-reach.ts';
import { loadNodeModule, type ModuleEntry } from './load-node-module.ts';

/**
 * The module paths listed in `TRIBUTARY_NODE_PATHS` (separated like `PATH`: `:` here, `;` on Windows).
 * @example nodeModulePaths({ TRIBUTARY_NODE_PATHS: './a.js:./b.js' }) // ['./a.js', './b.js']
 */
export function nodeModulePaths(env: Record<string, string | undefined> = process.env): string[] {
  return (env.TRIBUTARY_NODE_PATHS ?? '').split(path.delimiter).map((entry) => entry.trim()).filter(Boolean);
}

/** A file path (relative to the working directory) becomes a file URL; anything else is a package name. */
function specifierOf(entry: string): string {
  const absolute = path.resolve(process.cwd(), entry);
  if (path.isAbsolute(entry) || entry.startsWith('.') || existsSync(absolute)) return pathToFileURL(absolute).href;
  return entry;
}

/**
 * The module entry of a `TRIBUTARY_NODE_PATHS` item: the path as given is its source and names it in messages.
 * @example nodePathEntry('./nodes-custom/acme-orders/acme-orders.ts').url // 'file:///…/acme-orders.ts'
 */
export function nodePathEntry(entry: string): ModuleEntry {
  return { source: entry, label: entry, url: specifierOf(entry) };
}

/** Options of `loadNodeModules`. */
export interface LoadNodeModulesOptions {
  /** Receives the channel types and templates the modules export. */
  templates?: TemplateCatalog;
  /** Warn about ports nothing can connect to (default true); turn off when more sources follow, and check at the end. */
  checkSockets?: boolean;
}

/**
 * Imports each node module listed (file paths or package names), validates every definition it exports
 * and adds the sound ones to `catalog`. Never throws: a module that fails to import, exports nothing, or
 * holds a bad definition (see `admitDefinition`) is recorded in `catalog.problems` with a message naming
 * the file. Returns the definitions added.
 * @example await loadNodeModules(catalog, nodeModulePaths());
 */
export async function loadNodeModules(catalog: NodeCatalog, paths: string[], options: LoadNodeModulesOptions = {}): Promise<AnyNodeDefinition[]> {
  const added: AnyNodeDefinition[] = [];
  for (const entry of paths) added.push(...(await loadNodeModule(catalog, nodePathEntry(entry), { templates: options.templates })));
  if (options.checkSockets ?? true) catalog.problems.push(...checkSocketReach(catalog, new Set(paths)));
  return added;
}
