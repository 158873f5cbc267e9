import { symlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ConfigError, TransportError } from '../../../nodes/contract/errors.ts';
import { fileCsvNode } from '../../../nodes/file/csv/definition.ts';
import type { FileRoot } from '../../../nodes/file/transport/file-root.ts';
import { runNode } from '../../../runtime/testing/index.ts';
import { readFolder, useTempFolders } from './temp-folder.ts';

const folder = useTempFolders();

const read = (dir: string, config: Record<string, unknown>, options = {}) => readFolder(fileCsvNode, dir, config, options);

describe('file.csv', () => {
  it('reads rows as objects keyed by the header', async () => {
    const { dir } = await folder({ 'people.csv': 'id,name\n1,Ann\n2,Bob\n' });
    const { outputs, rejects } = await read(dir, { glob: 'people.csv' });
    expect(outputs.records).toEqual([{ id: '1', name: 'Ann' }, { id: '2', name: 'Bob' }]);
    expect(rejects).toEqual([]);
  });

  it('names columns col1..n without a header, or from columns', async () => {
    const { dir } = await folder({ 'p.csv': '1,Ann\n2,Bob\n' });
    expect((await read(dir, { glob: 'p.csv', header: false })).outputs.records).toEqual([
      { col1: '1', col2: 'Ann' },
      { col1: '2', col2: 'Bob' },
    ]);
    expect((await read(dir, { glob: 'p.csv', header: false, columns: ['id', 'name'] })).outputs.records).toEqual([
      { id: '1', name: 'Ann' },
      { id: '2', name: 'Bob' },
    ]);
  });

  it('renames header columns with columns when there is a header', async () => {
    const { dir } = await folder({ 'p.csv': 'ID,Full Name\n1,Ann\n' });
    expect((await read(dir, { glob: 'p.csv', columns: ['id', 'name'] })).outputs.records).toEqual([{ id: '1', name: 'Ann' }]);
  });

  it('reads ";" delimited files, trimming when asked', async () => {
    const { dir } = await folder({ 'p.csv': 'id;name\n1; Ann \n' });
    expect((await read(dir, { glob: 'p.csv', delimiter: ';' })).outputs.records).toEqual([{ id: '1', name: ' Ann ' }]);
    expect((await read(dir, { glob: 'p.csv', delimiter: ';', trim: true })).outputs.records).toEqual([{ id: '1', name: 'Ann' }]);
  });

  it('reads quoted fields with delimiters, escaped quotes and line breaks', async () => {
    const { dir } = await folder({ 'p.csv': 'id,street,note\n1,"Main St, 4","said ""hi""\nand left"\n2,Elm,x\n' });
    const { outputs } = await read(dir, { glob: 'p.csv', includeSource: true });
    expect(outputs.records).toEqual([
      { id: '1', street: 'Main St, 4', note: 'said "hi"\nand left', _file: 'p.csv', _line: 2 },
      { id: '2', street: 'Elm', note: 'x', _file: 'p.csv', _line: 4 },
    ]);
  });

  it('skips a UTF-8 byte order mark and empty lines', async () => {
    const { dir } = await folder({ 'p.csv': '\uFEFFid,name\n\n1,Zoë\n\n' });
    expect((await read(dir, { glob: 'p.csv' })).outputs.records).toEqual([{ id: '1', name: 'Zoë' }]);
  });

  it('decodes Latin-1 files', async () => {
    const { dir } = await folder({ 'p.csv': iconv.encode('id;name;city\n1;Jürgen Müller;Köln\n', 'latin1') });
    const { outputs } = await read(dir, { glob: 'p.csv', delimiter: ';', encoding: 'latin1' });
    expect(outputs.records).toEqual([{ id: '1', name: 'Jürgen Müller', city: 'Köln' }]);
  });

  it('rejects malformed rows with their line number and reads the rest', async () => {
    const csv = 'id,name,city\n1,Ann,Rome\n2,"Bob "the" Builder",Oslo\n3,Cid\n4,Dan,Bern\n5,"Eve\n';
    const { dir } = await folder({ 'p.csv': csv });
    const { outputs, rejects } = await read(dir, { glob: 'p.csv' });
    expect(outputs.records).toEqual([{ id: '1', name: 'Ann', city: 'Rome' }, { id: '4', name: 'Dan', city: 'Bern' }]);
    expect(rejects.map((r) => r.record)).toEqual([
      { file: 'p.csv', line: 3, raw: expect.stringContaining('2,"Bob "the"') },
      { file: 'p.csv', line: 4, raw: '3,Cid\n' },
      { file: 'p.csv', line: 6, raw: '5,"Eve\n' },
    ]);
    expect(rejects[0].reason).toMatch(/^line 3: Invalid Closing Quote/);
    expect(rejects[1].reason).toMatch(/^line 4: .*columns length is 3, got 2/);
    expect(rejects[2].reason).toMatch(/^line 6: Quote Not Closed/);
  });

  it('batches by batchSize and yields the cursor with the last batch of each file', async () => {
    const { dir } = await folder({ 'a.csv': 'n\n1\n2\n3\n', 'b.csv': 'n\n4\n' });
    const { batches } = await read(dir, { glob: '*.csv', batchSize: 2 });
    expect(batches.map((b) => [b.records.length, Object.keys((b.state as { files?: object })?.files ?? {})])).toEqual([
      [2, []],
      [1, ['a.csv']],
      [1, ['a.csv', 'b.csv']],
    ]);
  });

  it('skips files read before and unchanged, re-reads changed files, and everything on a full sync', async () => {
    const f = await folder({ 'a.csv': 'n\n1\n', 'b.csv': 'n\n2\n' });
    const first = await read(f.dir, { glob: '*.csv' });
    const state = first.states.at(-1);
    expect(state).toMatchObject({ files: { 'a.csv': { size: 4 }, 'b.csv': { size: 4 } } });

    const again = await read(f.dir, { glob: '*.csv' }, { state });
    expect(again.outputs.records ?? []).toEqual([]);

    await f.write('b.csv', 'n\n2\n3\n');
    const changed = await read(f.dir, { glob: '*.csv' }, { state });
    expect(changed.outputs.records).toEqual([{ n: '2' }, { n: '3' }]);
    expect(changed.states.at(-1)).toMatchObject({ files: { 'a.csv': { size: 4 }, 'b.csv': { size: 6 } } });

    await utimes(path.join(f.dir, 'a.csv'), new Date(), new Date(Date.now() + 5000));
    expect((await read(f.dir, { glob: '*.csv' }, { state: changed.states.at(-1) })).outputs.records).toEqual([{ n: '1' }]);

    const full = await read(f.dir, { glob: '*.csv' }, { state: changed.states.at(-1), full: true });
    expect(full.outputs.records).toEqual([{ n: '1' }, { n: '2' }, { n: '3' }]);
  });

  it('fails with a clear error naming the node and path when the file is missing', async () => {
    const { dir } = await folder({});
    const error = await read(dir, { glob: 'contacts.csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ nodeId: 'reader', field: 'glob', message: expect.stringMatching(/node "reader": file "contacts.csv" does not exist/) });
  });

  it('fails with a clear error naming the node and path when a matched file cannot be read', async () => {
    const f = await folder({ 'a.csv': 'n\n1\n' });
    // A folder whose listing names a file that is gone by the time it is read (deleted mid-run).
    const vanishing: FileRoot = {
      baseDir: f.dir,
      realDir: f.dir,
      glob: async () => ['a.csv', 'b.csv'],
      resolve: async (relative) => path.join(f.dir, relative),
    };
    const run = runNode({ definition: fileCsvNode, config: { glob: '*.csv' }, nodeId: 'reader', transports: { transport: vanishing } });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as Error).message).toMatch(/node "reader": cannot read file "b.csv" in ".*": it does not exist/);
  });

  it('reads nothing when a pattern matches no file', async () => {
    const { dir } = await folder({});
    expect(await read(dir, { glob: 'contacts/*.csv' })).toMatchObject({ batches: [], states: [] });
  });

  it('refuses globs that escape the folder: "..", absolute paths and outside symlinks', async () => {
    const outside = await folder({ 'secret.csv': 'x\n1\n' });
    const f = await folder({ 'in/a.csv': 'x\n1\n' });
    await symlink(path.join(outside.dir, 'secret.csv'), path.join(f.dir, 'in/link.csv'));
    for (const glob of ['../*/secret.csv', path.join(outside.dir, 'secret.csv'), 'in/*.csv']) {
      const error = await read(f.dir, { glob }).catch((e: unknown) => e);
      expect(error, glob).toBeInstanceOf(ConfigError);
      expect(error).toMatchObject({ nodeId: 'reader', field: 'glob' });
    }
  });
});
