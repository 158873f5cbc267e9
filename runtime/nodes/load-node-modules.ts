import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NodeCatalog } from '../../nodes/contract/catalog.ts';
import type { AnyNodeDefinition } from '../../nodes/contract/node-definition.ts';
import { validateNodeDefinition } from './validate-node-definition.ts';

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

/** The definitions a module offers: its default export and/or its `nodes` export, each one or a list. */
function exportedDefinitions(module: Record<string, unknown>): unknown[] | undefined {
  const found: unknown[] = [];
  for (const name of ['default', 'nodes']) {
    const value = module[name];
    if (value === undefined) continue;
    found.push(...(Array.isArray(value) ? value : [value]));
  }
  return found.length > 0 ? [...new Set(found)] : undefined;
}

function describeDefinition(value: unknown, index: number): string {
  const type = (value as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? `node type "${type}"` : `definition #${index + 1}`;
}

/**
 * Imports each node module listed (file paths or package names), validates every definition it exports
 * and adds the sound ones to `catalog`. Never throws: a module that fails to import, exports nothing, or
 * holds a bad definition is recorded in `catalog.problems` with a message naming the file.
 * Returns the definitions added.
 * @example await loadNodeModules(catalog, nodeModulePaths());
 */
export async function loadNodeModules(catalog: NodeCatalog, paths: string[]): Promise<AnyNodeDefinition[]> {
  const added: AnyNodeDefinition[] = [];
  for (const entry of paths) {
    const source = entry;
    let module: Record<string, unknown>;
    try {
      module = (await import(specifierOf(entry))) as Record<string, unknown>;
    } catch (error) {
      catalog.problems.push({ source, severity: 'error', message: `${source}: cannot be imported: ${(error as Error).message}` });
      continue;
    }
    const definitions = exportedDefinitions(module);
    if (!definitions) {
      const message = `${source}: exports no node definitions (expected a default export or a "nodes" export)`;
      catalog.problems.push({ source, severity: 'error', message });
      continue;
    }
    definitions.forEach((definition, index) => {
      const problems = validateNodeDefinition(definition);
      const name = describeDefinition(definition, index);
      if (problems.length > 0) {
        catalog.problems.push({ source, severity: 'error', message: `${source}: ${name} is not loaded: ${problems.join('; ')}` });
        return;
      }
      try {
        catalog.add(definition as AnyNodeDefinition, source);
        added.push(definition as AnyNodeDefinition);
      } catch (error) {
        catalog.problems.push({ source, severity: 'error', message: `${source}: ${name} is not loaded: ${(error as Error).message}` });
      }
    });
  }
  return added;
}
