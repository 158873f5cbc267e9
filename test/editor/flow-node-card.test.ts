// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import FlowNodeCard from '../../editor/src/components/canvas/FlowNodeCard.vue';
import PortSocketDot from '../../editor/src/components/canvas/PortSocketDot.vue';
import type { Flow } from '../../editor/src/api/types.ts';
import { flowToGraph } from '../../editor/src/graph/flow-graph.ts';
import { FlowNodeView } from '../../editor/src/graph/schemes.ts';
import { useCatalogueStore } from '../../editor/src/stores/catalogue.ts';
import { useCurrentFlowStore } from '../../editor/src/stores/current-flow.ts';
import { useRunsStore } from '../../editor/src/stores/runs.ts';
import { catalogue, contactsFlow, lookup } from './fixtures.ts';

let pinia: Pinia;

function viewOf(flow: Flow, id: string): FlowNodeView {
  const spec = flowToGraph(flow, lookup).nodes.find((node) => node.id === id);
  if (!spec) throw new Error(`no node ${id}`);
  return new FlowNodeView(spec);
}

function open(flow: Flow): void {
  useCatalogueStore().setCatalogue(catalogue);
  useCurrentFlowStore().replace({ flow, etag: '"e"' });
}

const mountCard = (view: FlowNodeView) =>
  mount(FlowNodeCard, { props: { data: view, emit: () => undefined }, global: { plugins: [pinia] } });

describe('the node component', () => {
  beforeEach(() => {
    pinia = createPinia();
    setActivePinia(pinia);
  });

  it('renders any node type from its definition: title, category, ports', () => {
    const flow = contactsFlow();
    open(flow);
    const card = mountCard(viewOf(flow, 'csv'));
    expect(card.attributes('data-node-id')).toBe('csv');
    expect(card.classes()).toContain('category-connector');
    expect(card.find('[data-testid="title"]').text()).toBe('Contacts');
    expect(card.find('[data-testid="input-transport"]').text()).toBe('Folder');
    expect(card.find('[data-testid="output-records"]').text()).toBe('Rows');
    expect(card.find('[data-testid="node-badge"]').exists()).toBe(false);
  });

  it('shows live counts, and an error marker when the server names the node', async () => {
    const flow = contactsFlow();
    open(flow);
    const card = mountCard(viewOf(flow, 'mapper'));
    useRunsStore().live = { id: 'r', flowId: flow.id, trigger: 'manual', full: false, status: 'running', startedAt: '', errors: [],
      nodes: { mapper: { in: 10, out: 8, rejected: 2, durationMs: 3 } }, entities: { added: 8, updated: 0, unchanged: 0 }, rejected: 2,
      cursorsBefore: {}, cursorsAfter: {} };
    useCurrentFlowStore().issues = [{ code: 'config', nodeId: 'mapper', field: 'config.originId', message: 'node "mapper": config.originId is required' }];
    await card.vm.$nextTick();
    expect(card.find('[data-testid="node-badge"]').text()).toBe('10 → 8 ✕2');
    expect(card.find('[data-testid="node-error"]').attributes('title')).toContain('config.originId is required');
    expect(card.classes()).toContain('invalid');
  });

  it('gives a node of an unknown type the "missing type" look, with the ports its connections use', () => {
    const flow = contactsFlow();
    flow.nodes.push({ id: 'old', type: 'acme.legacy', version: 2, config: { a: 1 } });
    flow.connections.push({ from: { node: 'old', port: 'out' }, to: { node: 'store', port: 'entities' } });
    open(flow);
    const card = mountCard(viewOf(flow, 'old'));
    expect(card.classes()).toContain('missing');
    expect(card.get('[data-testid="node-missing"]').text()).toBe('missing type acme.legacy v2');
    expect(card.find('[data-testid="output-out"]').exists()).toBe(true);
    expect(card.find('[data-testid="node-error"]').exists()).toBe(false);
  });

  it('shows the server\'s unknown-type issue on a missing node', async () => {
    const flow = contactsFlow();
    flow.nodes.push({ id: 'old', type: 'acme.legacy', version: 2, config: {} });
    open(flow);
    const card = mountCard(viewOf(flow, 'old'));
    const message = 'node "old": unknown node type "acme.legacy" (is its package installed?)';
    useCurrentFlowStore().issues = [{ code: 'unknown-type', nodeId: 'old', field: 'type', message }];
    await card.vm.$nextTick();
    expect(card.get('[data-testid="node-missing"]').attributes('title')).toBe(message);
    expect(card.get('[data-testid="node-error"]').attributes('title')).toBe(message);
    expect(card.classes()).toEqual(expect.arrayContaining(['missing', 'invalid']));
  });

  it('colours a socket by kind and shows the socket type its node\'s config gives', async () => {
    const flow = contactsFlow();
    open(flow);
    const port = viewOf(flow, 'mapper').outputs.entities;
    if (!port) throw new Error('the mapper has no entities output');
    const socket = mount(PortSocketDot, { props: { data: port.socket }, global: { plugins: [pinia] } });
    expect(socket.classes()).toContain('socket-entities');
    expect(socket.attributes('title')).toBe('entities:person');
    useCurrentFlowStore().updateConfig('mapper', { entityType: 'order', originId: 'id', fields: [] });
    await socket.vm.$nextTick();
    expect(socket.attributes('data-socket-type')).toBe('entities:order');
  });
});
