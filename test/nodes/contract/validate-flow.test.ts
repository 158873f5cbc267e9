import { describe, expect, it } from 'vitest';
import { NodeCatalog } from '../../../nodes/contract/catalog.ts';
import { defineNode } from '../../../nodes/contract/define-node.ts';
import type { Flow } from '../../../nodes/contract/flow-file.ts';
import { validateFlow } from '../../../nodes/contract/validate-flow.ts';

const catalog = new NodeCatalog();
catalog.add(defineNode({
  type: 't.source', version: 1, category: 'connector', channelType: 't', label: 'S', description: 's',
  config: { type: 'object', required: ['url'], properties: { url: { type: 'string', format: 'uri' }, size: { type: 'integer', minimum: 1 } } },
  outputs: { records: { socket: 'records:t.thing' } },
}));
catalog.add(defineNode({
  type: 't.mapper', version: 2, category: 'mapper', channelType: 't', label: 'M', description: 'm',
  config: { type: 'object', properties: { entityType: { type: 'string' } } },
  inputs: { records: { socket: 'records:t.thing', required: true } },
  outputs: { entities: { socket: 'entities:{entityType}' } },
}));
catalog.add(defineNode({
  type: 't.orders-only', version: 1, category: 'store', channelType: 't', label: 'O', description: 'o',
  config: { type: 'object' },
  inputs: { entities: { socket: 'entities:order', required: true } },
}));

const flow = (nodes: Flow['nodes'], connections: Flow['connections'] = []): Flow => ({ schemaVersion: 1, id: 'f', name: 'F', nodes, connections });
const wire = (from: string, fromPort: string, to: string, toPort: string) => ({ from: { node: from, port: fromPort }, to: { node: to, port: toPort } });

describe('validateFlow', () => {
  it('reports file-shape problems with their field', () => {
    const { issues } = validateFlow({ schemaVersion: 2, id: 'Bad Id', name: '', nodes: [], connections: [] }, catalog);
    expect(issues.map((issue) => issue.field).sort()).toEqual(['id', 'name', 'schemaVersion']);
  });

  it('checks config against the node schema, but leaves references to run time', () => {
    const { issues } = validateFlow(flow([
      { id: 'a', type: 't.source', version: 1, config: { url: 'not a uri', size: 0 } },
      { id: 'b', type: 't.source', version: 1, config: { url: { $env: 'SOURCE_URL' }, size: { $env: 'SIZE' } } },
    ]), catalog);
    expect(issues).toEqual([
      { code: 'config', nodeId: 'a', field: 'config.url', message: 'node "a": config.url must match format "uri"' },
      { code: 'config', nodeId: 'a', field: 'config.size', message: 'node "a": config.size must be >= 1' },
    ]);
  });

  it('uses the socket a config gives, and names an unknown version', () => {
    const nodes = [
      { id: 'src', type: 't.source', version: 1, config: { url: 'http://x' } },
      { id: 'map', type: 't.mapper', version: 2, config: { entityType: 'person' } },
      { id: 'orders', type: 't.orders-only', version: 1, config: {} },
    ];
    const { issues } = validateFlow(flow(nodes, [wire('src', 'records', 'map', 'records'), wire('map', 'entities', 'orders', 'entities')]), catalog);
    expect(issues).toEqual([{ code: 'incompatible-sockets', nodeId: 'orders', field: 'inputs.entities',
      message: 'connection map.entities → orders.entities: entities:person does not match entities:order' }]);
    nodes[1].config.entityType = 'order';
    expect(validateFlow(flow(nodes, [wire('src', 'records', 'map', 'records'), wire('map', 'entities', 'orders', 'entities')]), catalog).issues).toEqual([]);
    nodes[1].version = 3;
    expect(validateFlow(flow(nodes), catalog).issues[0].message).toBe('node "map": type t.mapper has no version 3 (latest is 2)');
  });

  it('refuses two connections into a single input', () => {
    const nodes = [
      { id: 'a', type: 't.source', version: 1, config: { url: 'http://x' } },
      { id: 'b', type: 't.source', version: 1, config: { url: 'http://y' } },
      { id: 'map', type: 't.mapper', version: 2, config: {} },
    ];
    const { issues } = validateFlow(flow(nodes, [wire('a', 'records', 'map', 'records'), wire('b', 'records', 'map', 'records')]), catalog);
    expect(issues.map((issue) => issue.code)).toEqual(['multiple-inputs']);
  });
});
