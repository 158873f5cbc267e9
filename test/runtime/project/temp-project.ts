import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: what a project's `node_modules/tributary` links to. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A throw-away project folder with its own node_modules and tributary.config.json. */
export interface TempProject {
  dir: string;
  /** Writes a package into node_modules/<name>: its package.json and files. */
  install(name: string, manifest: Record<string, unknown>, files: Record<string, string>): Promise<void>;
  /** Copies a package folder into node_modules/<name>, as `npm install --install-links <folder>` would. */
  installCopy(name: string, folder: string): Promise<void>;
  /** node_modules/tributary → this repository, so packages can import `tributary/contract`. */
  linkTributary(): Promise<void>;
  writeConfig(config: unknown): Promise<void>;
  remove(): Promise<void>;
}

/** Creates a temporary project (in the system temp folder unless `parent` is given). */
export async function createTempProject(parent = tmpdir()): Promise<TempProject> {
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, 'tributary-project-'));
  const modules = path.join(dir, 'node_modules');
  return {
    dir,
    async install(name, manifest, files) {
      const root = path.join(modules, name);
      await mkdir(root, { recursive: true });
      await writeFile(path.join(root, 'package.json'), JSON.stringify({ name, version: '1.0.0', type: 'module', ...manifest }));
      for (const [file, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(root, file)), { recursive: true });
        await writeFile(path.join(root, file), text);
      }
    },
    async installCopy(name, folder) {
      await cp(folder, path.join(modules, name), { recursive: true });
    },
    async linkTributary() {
      await mkdir(modules, { recursive: true });
      await symlink(REPO_ROOT, path.join(modules, 'tributary'), 'dir');
    },
    writeConfig: (config) => writeFile(path.join(dir, 'tributary.config.json'), JSON.stringify(config, null, 2)),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
