import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeCatalog } from '../../../nodes/contract/catalog.ts';
import { createBuiltInCatalog } from '../../../nodes/builtin.ts';
import { loadNodeModules, nodeModulePaths } from '../../../runtime/nodes/load-node-modules.ts';

let dir: string;
const good = (type: string, extra = '') => `{ type: '${type}', version: 1, category: 'transform', channelType: 'acme', label: 'L',
  description: 'D', config: { type: 'object', properties: {} }, inputs: { in: { socket: 'records:*' } },
  outputs: { out: { socket: 'records:json' } }, transform: (records) => records ${extra} }`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tributary-modules-'));
  const files: Record<string, string> = {
    'named.mjs': `export const nodes = [${good('acme.one')}, ${good('acme.two')}];`,
    'default.mjs': `export default ${good('acme.three')};`,
    'broken.mjs': 'export default {;',
    'throws.mjs': 'throw new Error("no database configured");',
    'empty.mjs': 'export const somethingElse = 1;',
    'bad-defs.mjs': `export const nodes = [
      { ...${good('Acme Bad')}, version: 0, category: 'widget' },
      { ...${good('acme.schema')}, config: { type: 'object', properties: { a: { type: 'nope' } } } },
      { ...${good('acme.socket')}, outputs: { out: { socket: 'records' } } },
      { ...${good('acme.lazy')}, transform: undefined },
      ${good('file.csv')},
      ${good('acme.fine')},
    ];`,
  };
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('loadNodeModules', () => {
  it('adds the definitions of default and named `nodes` exports', async () => {
    const catalog = new NodeCatalog();
    const added = await loadNodeModules(catalog, [path.join(dir, 'named.mjs'), path.join(dir, 'default.mjs')]);
    expect(added.map((d) => d.type)).toEqual(['acme.one', 'acme.two', 'acme.three']);
    expect(catalog.sourceOf('acme.three', 1)).toBe(path.join(dir, 'default.mjs'));
    expect(catalog.problems).toEqual([]);
  });

  it('records modules that cannot be imported or export nothing, naming the file, and goes on', async () => {
    const catalog = new NodeCatalog();
    const paths = ['broken.mjs', 'throws.mjs', 'missing.mjs', 'empty.mjs', 'default.mjs'].map((name) => path.join(dir, name));
    const added = await loadNodeModules(catalog, paths);
    expect(added.map((d) => d.type)).toEqual(['acme.three']);
    const errors = catalog.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [path.basename(p.source), p.severity])).toEqual([
      ['broken.mjs', 'error'], ['throws.mjs', 'error'], ['missing.mjs', 'error'], ['empty.mjs', 'error'],
    ]);
    expect(catalog.problems[1].message).toBe(`${paths[1]}: cannot be imported: no database configured`);
    expect(catalog.problems[3].message).toMatch(/empty.mjs: exports no node definitions/);
  });

  it('validates each definition and loads only the sound ones', async () => {
    const catalog = createBuiltInCatalog();
    const added = await loadNodeModules(catalog, [path.join(dir, 'bad-defs.mjs')]);
    expect(added.map((d) => d.type)).toEqual(['acme.fine']);
    const messages = catalog.problems.map((p) => p.message.replace(`${path.join(dir, 'bad-defs.mjs')}: `, ''));
    expect(messages).toHaveLength(5);
    expect(messages[0]).toMatch(/^node type "Acme Bad" is not loaded: type "Acme Bad" must look like "channel.name"/);
    expect(messages[0]).toMatch(/version must be a positive integer \(got 0\)/);
    expect(messages[0]).toMatch(/category "widget" must be one of transport/);
    expect(messages[1]).toMatch(/^node type "acme.schema" is not loaded: config schema does not compile/);
    expect(messages[2]).toMatch(/^node type "acme.socket" is not loaded: outputs.out: Socket type "records" must look like "kind:name"/);
    expect(messages[3]).toMatch(/^node type "acme.lazy" is not loaded: a transform node needs transform\(\)/);
    expect(messages[4]).toMatch(/^node type "file.csv" is not loaded: node type file.csv version 1 is defined twice \(in built-in and/);
    expect(catalog.get('file.csv')?.category).toBe('connector');
  });

  it('reads TRIBUTARY_NODE_PATHS split on the path delimiter', () => {
    expect(nodeModulePaths({ TRIBUTARY_NODE_PATHS: ['a.js', ' ./b.js ', '', 'pkg'].join(path.delimiter) })).toEqual(['a.js', './b.js', 'pkg']);
    expect(nodeModulePaths({})).toEqual([]);
  });
});
