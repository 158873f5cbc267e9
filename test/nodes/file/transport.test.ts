import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../nodes/contract/errors.ts';
import { fileTransportNode } from '../../../nodes/file/transport/definition.ts';
import type { FileRoot } from '../../../nodes/file/transport/file-root.ts';
import { checkNode, openNode } from '../../../runtime/testing/index.ts';
import { makeFolder, type TempFolder } from './temp-folder.ts';

let base: TempFolder;
let outside: TempFolder;
let root: FileRoot;

beforeEach(async () => {
  base = await makeFolder({ 'a.csv': 'x\n', 'sub/b.csv': 'y\n', 'sub/c.txt': 'z\n', 'b.csv': 'w\n' });
  outside = await makeFolder({ 'secret.csv': 'top secret\n' });
  root = (await openNode<FileRoot>({ definition: fileTransportNode, config: { baseDir: base.dir }, nodeId: 'files' })).resource;
});
afterEach(async () => {
  await base.remove();
  await outside.remove();
});

describe('file.transport', () => {
  it('resolves paths inside the base directory', async () => {
    expect(await root.resolve('sub/b.csv')).toBe(path.join(root.realDir, 'sub/b.csv'));
  });

  it('globs relative to the base directory, sorted', async () => {
    expect(await root.glob('**/*.csv')).toEqual(['a.csv', 'b.csv', 'sub/b.csv']);
  });

  it.each(['../secret.csv', 'sub/../../secret.csv', '/etc/passwd'])('refuses %s with a ConfigError naming the node and field', async (bad) => {
    const error = await root.resolve(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ nodeId: 'files', field: 'baseDir' });
    expect((error as Error).message).toContain(`"${bad}"`);
    await expect(root.glob(bad, { nodeId: 'reader', field: 'glob' })).rejects.toMatchObject({ nodeId: 'reader', field: 'glob' });
  });

  it('refuses a symlink that points outside, and a path under a symlinked folder', async () => {
    await symlink(path.join(outside.dir, 'secret.csv'), path.join(base.dir, 'link.csv'));
    await symlink(outside.dir, path.join(base.dir, 'linkdir'));
    await expect(root.resolve('link.csv')).rejects.toThrow(/symlink to a place outside/);
    await expect(root.resolve('linkdir/secret.csv')).rejects.toBeInstanceOf(ConfigError);
  });

  it('allows a symlink that stays inside', async () => {
    await mkdir(path.join(base.dir, 'alias'));
    await symlink(path.join(base.dir, 'a.csv'), path.join(base.dir, 'alias/a.csv'));
    expect(await root.resolve('alias/a.csv')).toBe(path.join(root.realDir, 'a.csv'));
  });

  it('refuses to open a missing base directory, naming the field', async () => {
    const opening = openNode({ definition: fileTransportNode, config: { baseDir: path.join(base.dir, 'nope') }, nodeId: 'files' });
    await expect(opening).rejects.toMatchObject({ code: 'config_invalid', nodeId: 'files', field: 'baseDir' });
  });

  it('resolves a relative baseDir against the working directory', async () => {
    const relative = path.relative(process.cwd(), base.dir);
    const opened = await openNode<FileRoot>({ definition: fileTransportNode, config: { baseDir: relative } });
    expect(opened.resource.realDir).toBe(root.realDir);
  });

  it('check says whether the folder exists and is readable', async () => {
    expect(await checkNode({ definition: fileTransportNode, config: { baseDir: base.dir } })).toMatchObject({ ok: true });
    const missing = await checkNode({ definition: fileTransportNode, config: { baseDir: path.join(base.dir, 'nope') } });
    expect(missing.ok).toBe(false);
    expect(missing.message).toMatch(/does not exist/);
    const file = await checkNode({ definition: fileTransportNode, config: { baseDir: path.join(base.dir, 'a.csv') } });
    expect(file).toMatchObject({ ok: false, message: expect.stringMatching(/not a folder/) });
  });
});
