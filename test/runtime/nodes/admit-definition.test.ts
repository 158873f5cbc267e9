import { describe, expect, it } from 'vitest';
import { createBuiltInCatalog } from '../../../nodes/builtin.ts';
import type { AnyNodeDefinition, PortSpec } from '../../../nodes/contract/node-definition.ts';
import { admitDefinition } from '../../../runtime/nodes/admit-definition.ts';
import { checkSocketReach } from '../../../runtime/nodes/check-socket-reach.ts';

const definition = (type: string, version: number, ports: { inputs?: Record<string, PortSpec>; outputs?: Record<string, PortSpec> } = {}): AnyNodeDefinition => ({
  type, version, category: 'transform', channelType: type.split('.')[0], label: type, description: '',
  config: { type: 'object', properties: {} }, inputs: { in: { socket: 'records:*' } }, outputs: { out: { socket: 'records:*' } },
  transform: (records) => records, ...ports,
});
const origin = (source: string) => ({ source, label: `package "${source}"` });

describe('admitDefinition', () => {
  it('refuses a version lower than another source\'s, and notes a higher one taking over', () => {
    const catalog = createBuiltInCatalog();
    expect(admitDefinition(catalog, definition('acme.x', 3), 0, origin('a'))).toEqual([]);
    expect(admitDefinition(catalog, definition('acme.x', 2), 0, origin('b'))).toEqual([{
      source: 'b', severity: 'error',
      message: 'package "b": node type "acme.x" is not loaded: version 2 is lower than version 3 already loaded from a; a type\'s version never goes backwards (update this package, or remove the older copy)',
    }]);
    expect(admitDefinition(catalog, definition('acme.x', 4), 0, origin('c'))).toEqual([
      { source: 'c', severity: 'warning', message: 'package "c": node type "acme.x" version 4 takes over from version 3 (a) as the latest' },
    ]);
    expect(catalog.get('acme.x')?.version).toBe(4);
    expect(catalog.get('acme.x', 2)).toBeUndefined();
  });

  it('lets one source keep several versions of its own type, and refuses the same type and version twice', () => {
    const catalog = createBuiltInCatalog();
    expect(admitDefinition(catalog, definition('acme.y', 2), 0, origin('a'))).toEqual([]);
    expect(admitDefinition(catalog, definition('acme.y', 1), 1, origin('a'))).toEqual([]);
    expect(admitDefinition(catalog, definition('acme.y', 2), 0, origin('b'))[0].message)
      .toBe('package "b": node type "acme.y" is not loaded: node type acme.y version 2 is defined twice (in a and b)');
  });
});

describe('checkSocketReach', () => {
  it('warns about inputs and outputs nothing else can be wired to, naming source, type, port and socket', () => {
    const catalog = createBuiltInCatalog();
    catalog.add(definition('acme.reader', 1, { inputs: { transport: { socket: 'transport:acme' } } }), 'acme/index.js');
    catalog.add(definition('acme.opener', 1, { inputs: {}, outputs: { transport: { socket: 'transport:elsewhere' } } }), 'acme/index.js');
    catalog.add(definition('acme.mapper', 1, { outputs: { entities: { socket: 'entities:{entityType}' } } }), 'acme/index.js');
    expect(checkSocketReach(catalog, new Set(['acme/index.js'])).map((problem) => problem.message)).toEqual([
      'acme/index.js: node type "acme.opener" output "transport" (transport:elsewhere) cannot be connected: no other node type has an input that accepts it (is the package that provides it installed?)',
      'acme/index.js: node type "acme.reader" input "transport" (transport:acme) cannot be connected: no other node type has an output that fits it (is the package that provides it installed?)',
    ]);
  });

  it('is satisfied once the matching node type is there; every built-in port has a partner', () => {
    const catalog = createBuiltInCatalog();
    catalog.add(definition('acme.reader', 1, { inputs: { transport: { socket: 'transport:acme' } } }), 'acme/reader.js');
    catalog.add(definition('acme.api', 1, { inputs: {}, outputs: { transport: { socket: 'transport:acme' } } }), 'acme/api.js');
    expect(checkSocketReach(catalog, new Set(['acme/reader.js', 'acme/api.js']))).toEqual([]);
    expect(checkSocketReach(catalog, new Set(['built-in']))).toEqual([]);
  });
});
