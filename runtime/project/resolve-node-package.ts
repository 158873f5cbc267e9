import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ConfigError } from '../../nodes/contract/errors.ts';

/** A node package found on disk: its name, version, folder and the modules its package.json declares. */
export interface NodePackage {
  name: string;
  version?: string;
  dir: string;
  /** Module paths relative to `dir`, as `"tributary": { "nodes": [...] }` lists them. */
  modules: string[];
}

function isLocalPath(entry: string): boolean {
  return entry.startsWith('.') || path.isAbsolute(entry);
}

/** The package's folder: a local path as given, or the first `node_modules/<name>` on the project's lookup path. */
function packageDir(entry: string, projectDir: string): string {
  if (isLocalPath(entry)) return path.resolve(projectDir, entry);
  const lookup = createRequire(path.join(projectDir, 'package.json')).resolve.paths(entry) ?? [];
  const found = lookup.map((modules) => path.join(modules, entry)).find((dir) => existsSync(path.join(dir, 'package.json')));
  if (!found) {
    throw new ConfigError(`package "${entry}" is not installed in ${path.join(projectDir, 'node_modules')}; run "npm install ${entry}" in ${projectDir}.`);
  }
  return found;
}

function declaredModules(manifest: Record<string, unknown>, name: string): string[] {
  const tributary = manifest.tributary as { nodes?: unknown } | undefined;
  const nodes = tributary?.nodes;
  if (!Array.isArray(nodes) || nodes.length === 0 || !nodes.every((item) => typeof item === 'string' && item.length > 0)) {
    throw new ConfigError(`package "${name}": its package.json has no "tributary": { "nodes": [...] } list of module files (for example "tributary": { "nodes": ["dist/index.js"] }).`);
  }
  return nodes as string[];
}

/**
 * Finds a node package listed in `tributary.config.json` (an npm package name, resolved from the project's
 * node_modules like `require` would, or a local folder) and reads the modules its package.json declares
 * under `"tributary": { "nodes": [...] }`. Throws a `ConfigError` naming the package and the file.
 * @example await resolveNodePackage('tributary-todo', process.cwd()) // { name, dir, modules: ['dist/index.js'] }
 */
export async function resolveNodePackage(entry: string, projectDir: string): Promise<NodePackage> {
  const dir = packageDir(entry, projectDir);
  const manifestPath = path.join(dir, 'package.json');
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`package "${entry}": ${manifestPath} cannot be read as JSON: ${(error as Error).message}`, { cause: error });
  }
  const name = typeof manifest.name === 'string' ? manifest.name : entry;
  const modules = declaredModules(manifest, name);
  for (const module of modules) {
    const absolute = path.resolve(dir, module);
    if (path.relative(dir, absolute).startsWith('..')) {
      throw new ConfigError(`package "${name}": module "${module}" lies outside the package folder; list paths inside it.`);
    }
    if (!existsSync(absolute)) {
      throw new ConfigError(`package "${name}": module file "${module}" does not exist in ${dir} (was the package built before it was published?).`);
    }
  }
  return { name, version: typeof manifest.version === 'string' ? manifest.version : undefined, dir, modules };
}
