// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { explainConnect } from '../../nodes/contract/socket.ts';
import { explainFlowConnection, incompatibleConnections, resolvedSocket } from '../../editor/src/graph/connect-rules.ts';
import { contactsFlow, lookup } from './fixtures.ts';

const end = (node: string, port: string) => ({ node, port });

describe('connection rules', () => {
  it('refuses a records output on an entities input, saying why as the contract does', () => {
    const verdict = explainFlowConnection(contactsFlow(), lookup, end('csv', 'records'), end('store', 'entities'));
    expect(verdict.ok).toBe(false);
    expect(verdict).toEqual(explainConnect('records:json', 'entities:*'));
    expect(!verdict.ok && verdict.reason).toMatch(/records.*entities/);
  });

  it('accepts a mapper output whose entity type comes from its config', () => {
    const flow = { ...contactsFlow(), connections: [] };
    expect(explainFlowConnection(flow, lookup, end('mapper', 'entities'), end('store', 'entities'))).toEqual({ ok: true });
    expect(resolvedSocket(flow.nodes[2], lookup, 'output', 'entities', 'entities:{entityType}')).toBe('entities:person');
  });

  it('refuses a connection that would form a cycle, one to itself, and one to a node of unknown type', () => {
    const flow = contactsFlow();
    flow.nodes.push({ id: 'odd', type: 'acme.odd', version: 1, config: {} });
    expect(explainFlowConnection(flow, lookup, end('csv', 'records'), end('csv', 'transport')))
      .toEqual({ ok: false, reason: 'a node cannot feed itself' });
    expect(explainFlowConnection(flow, lookup, end('mapper', 'entities'), end('odd', 'in')))
      .toEqual({ ok: false, reason: 'node "odd" has type acme.odd v1, which is not in the catalogue' });
    const cyclic = { ...flow, nodes: [...flow.nodes, { id: 'm2', type: 'core.field-mapper', version: 1, config: {} }],
      connections: [{ from: end('csv', 'records'), to: end('m2', 'records') }] };
    expect(explainFlowConnection(cyclic, lookup, end('m2', 'entities'), end('csv', 'transport')).ok).toBe(false);
  });

  it('finds drawn connections a config change made incompatible', () => {
    const flow = contactsFlow();
    flow.nodes.push({ id: 'people', type: 'core.field-mapper', version: 1, config: { entityType: 'person' } });
    expect(incompatibleConnections(flow, lookup)).toEqual([]);
    flow.connections.push({ from: end('folder', 'transport'), to: end('mapper', 'records') });
    expect(incompatibleConnections(flow, lookup).map((found) => found.connection))
      .toEqual([{ from: end('folder', 'transport'), to: end('mapper', 'records') }]);
  });
});
