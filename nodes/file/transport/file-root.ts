import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob as tinyGlob } from 'tinyglobby';
import { ConfigError } from '../../contract/errors.ts';

/** Who to blame when a path is refused: the node and config field the path came from. */
export interface PathBlame {
  nodeId: string;
  field: string;
}

/**
 * A base directory that file connectors read under. Every path is checked against it, after resolving
 * symlinks, so a flow can never read outside the folder its transport names.
 */
export interface FileRoot {
  /** The base directory as configured (for messages). */
  readonly baseDir: string;
  /** The real, absolute path of the base directory. */
  readonly realDir: string;
  /**
   * The absolute real path of `relativePath` under the base directory. Throws a `ConfigError` when the path
   * is absolute, climbs out with `..`, or is a symlink (or lies under one) that points outside.
   * @example await root.resolve('contacts/2024.csv') // '/srv/data/contacts/2024.csv'
   */
  resolve(relativePath: string, blame?: PathBlame): Promise<string>;
  /**
   * Paths of the files matching `pattern`, relative to the base directory, sorted. Patterns that are
   * absolute or contain `..` are refused; symlinks are listed, and `resolve` refuses those that lead outside.
   * @example await root.glob('contacts/*.csv') // ['contacts/a.csv', 'contacts/b.csv']
   */
  glob(pattern: string, blame?: PathBlame): Promise<string[]>;
}

function isInside(dir: string, target: string): boolean {
  const relative = path.relative(dir, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The real path of `target`, or of its nearest existing ancestor joined with the rest when it does not exist. */
async function realpathOfNearest(target: string): Promise<string> {
  try {
    return await realpath(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const parent = path.dirname(target);
    if (parent === target) return target;
    return path.join(await realpathOfNearest(parent), path.basename(target));
  }
}

/** True when `pattern` is absolute or has a `..` segment. */
function escapesByShape(pattern: string): boolean {
  return path.isAbsolute(pattern) || /^[A-Za-z]:/.test(pattern) || pattern.split(/[\\/]/).includes('..');
}

/**
 * Opens the base directory `baseDir` (relative paths resolve against `process.cwd()`) for the transport
 * node `nodeId`. Throws a `ConfigError` naming `baseDir` when it does not exist or is not a directory.
 * @example const root = await openFileRoot('examples/data', 'files');
 */
export async function openFileRoot(baseDir: string, nodeId: string): Promise<FileRoot> {
  const absolute = path.resolve(process.cwd(), baseDir);
  let realDir: string;
  try {
    realDir = await realpath(absolute);
    if (!(await stat(realDir)).isDirectory()) throw new Error(`${absolute} is not a directory`);
    await access(realDir, constants.R_OK | constants.X_OK);
  } catch (cause) {
    throw new ConfigError(
      `node "${nodeId}": the base directory "${baseDir}" (${absolute}) cannot be opened: ${(cause as Error).message}. ` +
        'Set config.baseDir to an existing, readable folder.',
      { nodeId, field: 'baseDir', cause },
    );
  }
  const ownBlame: PathBlame = { nodeId, field: 'baseDir' };
  const refuse = (relativePath: string, blame: PathBlame, why: string): ConfigError =>
    new ConfigError(
      `node "${blame.nodeId}": path "${relativePath}" (config.${blame.field}) is refused: ${why}. ` +
        `Use a path relative to, and inside, the base directory "${baseDir}".`,
      { nodeId: blame.nodeId, field: blame.field },
    );

  return {
    baseDir,
    realDir,
    async resolve(relativePath, blame = ownBlame) {
      if (escapesByShape(relativePath)) throw refuse(relativePath, blame, 'it is absolute or climbs out with ".."');
      const lexical = path.resolve(realDir, relativePath);
      if (!isInside(realDir, lexical)) throw refuse(relativePath, blame, 'it lies outside the base directory');
      const real = await realpathOfNearest(lexical);
      if (!isInside(realDir, real)) throw refuse(relativePath, blame, 'it is a symlink to a place outside the base directory');
      return real;
    },
    async glob(pattern, blame = ownBlame) {
      if (escapesByShape(pattern)) throw refuse(pattern, blame, 'the pattern is absolute or climbs out with ".."');
      const found = await tinyGlob(pattern, { cwd: realDir, onlyFiles: true, followSymbolicLinks: true, expandDirectories: false });
      return found.sort();
    },
  };
}
