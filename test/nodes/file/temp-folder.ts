import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { afterEach } from 'vitest';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AnyNodeDefinition } from '../../../nodes/contract/node-definition.ts';
import { fileTransportNode } from '../../../nodes/file/transport/definition.ts';
import type { FileRoot } from '../../../nodes/file/transport/file-root.ts';
import { openNode, runNode, type RunNodeOptions, type RunNodeResult } from '../../../runtime/testing/index.ts';

/** A temporary folder with files in it, removed by `remove`. */
export interface TempFolder {
  dir: string;
  write(relativePath: string, content: string | Buffer): Promise<string>;
  remove(): Promise<void>;
}

/** Creates a temporary folder holding `files` (relative path → content). */
export async function makeFolder(files: Record<string, string | Buffer> = {}): Promise<TempFolder> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tributary-files-'));
  const write = async (relativePath: string, content: string | Buffer) => {
    const target = path.join(dir, relativePath);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    return target;
  };
  for (const [relativePath, content] of Object.entries(files)) await write(relativePath, content);
  return { dir, write, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A `folder(files)` maker for one test file; every folder it made is removed after each test. */
export function useTempFolders(): (files: Record<string, string | Buffer>) => Promise<TempFolder> {
  const folders: TempFolder[] = [];
  afterEach(async () => {
    await Promise.all(folders.splice(0).map((created) => created.remove()));
  });
  return async (files) => {
    const created = await makeFolder(files);
    folders.push(created);
    return created;
  };
}

/** Runs a file reader over `dir` through a real `file.transport`. */
export async function readFolder(
  definition: AnyNodeDefinition,
  dir: string,
  config: Record<string, unknown>,
  options: Partial<RunNodeOptions> = {},
): Promise<RunNodeResult> {
  const files = await openNode<FileRoot>({ definition: fileTransportNode, config: { baseDir: dir }, nodeId: 'files' });
  try {
    return await runNode({ definition, config, nodeId: 'reader', transports: { transport: files.resource }, ...options });
  } finally {
    await files.close();
  }
}
