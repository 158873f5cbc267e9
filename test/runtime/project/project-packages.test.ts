import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFlow } from '../../../nodes/contract/validate-flow.ts';
import { openProject } from '../../../runtime/project/open-project.ts';
import { createTempProject, type TempProject } from './temp-project.ts';

/** A node definition as a package module would export it (plain ESM, no imports needed). */
const node = (type: string, extra: string) => `{ type: '${type}', version: 1, category: 'transform', channelType: '${type.split('.')[0]}',
  label: '${type}', description: 'd', config: { type: 'object', properties: {} }, inputs: { in: { socket: 'records:*' } },
  outputs: { out: { socket: 'records:json' } }, transform: (records) => records, ${extra} }`;
const nodesPackage = { tributary: { nodes: ['dist/index.js'] } };

let project: TempProject;
beforeAll(async () => {
  project = await createTempProject();
  await project.install('acme-nodes', nodesPackage, {
    'dist/index.js': `export const nodes = [${node('acme.clean', '')}, ${node('acme.widget', 'version: 2')}];
      export const channelTypes = [{ id: 'acme', label: 'Acme', description: 'The Acme CRM.' }];
      export const templates = [{ id: 'acme.basic', channelType: 'acme', label: 'Acme basic', description: 'd', parameters: [],
        flow: { nodes: [{ id: 'clean', type: 'acme.clean', version: 1, config: {} }], connections: [] } }];`,
  });
  await project.install('acme-broken', { tributary: { nodes: ['dist/index.js', 'dist/defs.js'] } }, {
    'dist/index.js': 'export const nodes = [;',
    'dist/defs.js': `export const nodes = [
      ${node('file.csv', "category: 'connector', read: async function* () {}")},
      ${node('acme.schema', "config: { type: 'object', properties: { a: { type: 'nope' } } }")},
      ${node('acme.widget', '')},
      ${node('acme.island', "inputs: { transport: { socket: 'transport:island', required: true } }")},
    ];
    export const templates = [{ id: 'acme.half', channelType: 'acme' }];`,
  });
  await project.install('no-field', {}, { 'index.js': 'export default {}' });
  await project.install('missing-file', nodesPackage, {});
  await project.writeConfig({ packages: ['acme-nodes', 'acme-broken', 'not-installed', 'no-field', 'missing-file'] });
});
afterAll(() => project.remove());

describe('openProject with node packages', () => {
  it('loads the sound packages beside the built-ins and reports each broken one without throwing', async () => {
    const { catalog, templates } = await openProject({ cwd: project.dir });
    expect(catalog.get('acme.clean')?.label).toBe('acme.clean');
    expect(catalog.sourceOf('acme.clean', 1)).toBe('acme-nodes/dist/index.js');
    expect(catalog.get('acme.widget')?.version).toBe(2);
    expect(catalog.get('file.csv')?.category).toBe('connector');
    expect(templates.get('acme.basic')).toBeDefined();
    expect(templates.listChannelTypes().find((type) => type.id === 'acme')?.label).toBe('Acme');
    const errors = catalog.problems.filter((problem) => problem.severity === 'error');
    expect(errors.map((problem) => [problem.source, problem.message])).toEqual([
      ['acme-broken/dist/index.js', expect.stringMatching(/^package "acme-broken" \(dist\/index.js\): cannot be imported: /)],
      ['acme-broken/dist/defs.js', expect.stringMatching(/^package "acme-broken" \(dist\/defs.js\): node type "file.csv" is not loaded: node type file.csv version 1 is defined twice \(in built-in and acme-broken\/dist\/defs.js\)$/)],
      ['acme-broken/dist/defs.js', expect.stringMatching(/^package "acme-broken" \(dist\/defs.js\): node type "acme.schema" is not loaded: config schema does not compile/)],
      ['acme-broken/dist/defs.js', 'package "acme-broken" (dist/defs.js): node type "acme.widget" is not loaded: version 1 is lower than version 2 already loaded from acme-nodes/dist/index.js; a type\'s version never goes backwards (update this package, or remove the older copy)'],
      ['acme-broken/dist/defs.js', expect.stringMatching(/^package "acme-broken" \(dist\/defs.js\): template "acme.half" is not loaded: label is required/)],
      ['not-installed', expect.stringMatching(/^package "not-installed" is not installed in .*node_modules; run "npm install not-installed"/)],
      ['no-field', expect.stringMatching(/^package "no-field": its package.json has no "tributary": \{ "nodes": \[...\] \} list/)],
      ['missing-file', expect.stringMatching(/^package "missing-file": module file "dist\/index.js" does not exist/)],
    ]);
  });

  it('warns about a socket nothing can connect to, and still loads the node type', async () => {
    const { catalog } = await openProject({ cwd: project.dir });
    expect(catalog.get('acme.island')).toBeDefined();
    expect(catalog.problems.filter((problem) => problem.severity === 'warning').map((problem) => problem.message)).toEqual([
      'package "acme-broken" (dist/defs.js): node type "acme.island" input "transport" (transport:island) cannot be connected: no other node type has an output that fits it (is the package that provides it installed?)',
    ]);
  });

  it('names an unknown node type when a flow uses one (the package is not installed)', async () => {
    const { catalog } = await openProject({ cwd: project.dir });
    const flow = {
      schemaVersion: 1, id: 'f', name: 'F', connections: [],
      nodes: [{ id: 'clean', type: 'acme.clean', version: 1, config: {} }, { id: 'sync', type: 'shopify.orders', version: 1, config: {} }],
    };
    expect(validateFlow(flow, catalog).issues).toEqual([
      { code: 'unknown-type', nodeId: 'sync', field: 'type', message: 'node "sync": unknown node type "shopify.orders" (is its package installed?)' },
    ]);
  });

  it('loads a local package folder listed by path', async () => {
    await project.install('local-copy', nodesPackage, { 'dist/index.js': `export default ${node('local.thing', '')};` });
    const { catalog } = await openProject({
      config: { path: '', dir: project.dir, exists: true, config: { packages: ['./node_modules/local-copy'], entities: { extend: {}, types: {} } } },
    });
    expect(catalog.sourceOf('local.thing', 1)).toBe('local-copy/dist/index.js');
  });
});
