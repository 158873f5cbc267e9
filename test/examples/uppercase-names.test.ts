import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBuiltInCatalog } from '../../nodes/builtin.ts';
import { loadNodeModules, nodeModulePaths } from '../../runtime/nodes/load-node-modules.ts';
import { runNode } from '../../runtime/testing/index.ts';

const modulePath = path.join('examples', 'custom-nodes', 'uppercase-names', 'index.ts');

describe('example custom node custom.uppercase', () => {
  it('loads from TRIBUTARY_NODE_PATHS into the catalogue beside the built-ins', async () => {
    const catalog = createBuiltInCatalog();
    const paths = nodeModulePaths({ TRIBUTARY_NODE_PATHS: `${modulePath}${path.delimiter}` });
    const added = await loadNodeModules(catalog, paths);
    expect(catalog.problems).toEqual([]);
    expect(added.map((definition) => definition.type)).toEqual(['custom.uppercase']);
    expect(catalog.sourceOf('custom.uppercase', 1)).toBe(modulePath);
    expect(catalog.get('file.csv')).toBeDefined();
  });

  it('upper-cases the configured fields and leaves the rest alone', async () => {
    const [definition] = await loadNodeModules(createBuiltInCatalog(), [modulePath]);
    const { outputs } = await runNode({
      definition,
      config: { fields: ['lastName', 'city'] },
      inputs: { records: [[{ firstName: 'Ada', lastName: 'Lovelace', city: 'London', age: 36 }, { lastName: 7 }]] },
    });
    expect(outputs.records).toEqual([{ firstName: 'Ada', lastName: 'LOVELACE', city: 'LONDON', age: 36 }, { lastName: 7 }]);
  });

  it('refuses a config without fields', async () => {
    const [definition] = await loadNodeModules(createBuiltInCatalog(), [modulePath]);
    await expect(runNode({ definition, config: {}, inputs: { records: [[{}]] } })).rejects.toThrow(/config.fields is required/);
  });
});
