// @vitest-environment happy-dom
import { NodeEditor } from 'rete';
import { AreaPlugin } from 'rete-area-plugin';
import { describe, expect, it } from 'vitest';
import type { Flow } from '../../editor/src/api/types.ts';
import { importGraph, snapshotGraph, type CanvasCore } from '../../editor/src/graph/canvas-io.ts';
import { flowToGraph, graphToFlow, type GraphSnapshot, type GraphSpec } from '../../editor/src/graph/flow-graph.ts';
import type { AreaExtra, Schemes } from '../../editor/src/graph/schemes.ts';
import { drawnTypesChanged } from '../../editor/src/graph/type-changes.ts';
import { catalogue, contactsFlow, csvType, lookup } from './fixtures.ts';

/** What the canvas would hold right after drawing `graph`. */
function drawn(graph: GraphSpec): GraphSnapshot {
  return {
    nodes: graph.nodes.map(({ id, data, placed, position }) => ({ id, data, placed, position })),
    connections: graph.connections,
  };
}

function realCanvas(): CanvasCore {
  const container = document.createElement('div');
  document.body.append(container);
  const editor = new NodeEditor<Schemes>();
  const area = new AreaPlugin<Schemes, AreaExtra>(container);
  editor.use(area);
  return { editor, area };
}

describe('flow JSON ↔ graph', () => {
  it('gives identical JSON after a round trip through the graph functions', () => {
    const flow = contactsFlow();
    const before = JSON.stringify(flow);
    const after = graphToFlow(flow, drawn(flowToGraph(flow, lookup)));
    expect(JSON.stringify(after)).toBe(before);
  });

  it('gives identical JSON after a round trip through a real Rete editor and area', async () => {
    const flow = contactsFlow();
    const before = JSON.stringify(flow);
    const canvas = realCanvas();
    await importGraph(canvas, flowToGraph(flow, lookup));
    expect(canvas.editor.getNodes().map((node) => node.id)).toEqual(['folder', 'csv', 'mapper', 'store']);
    expect(canvas.editor.getConnections()).toHaveLength(3);
    expect(JSON.stringify(graphToFlow(flow, snapshotGraph(canvas)))).toBe(before);
  });

  it('keeps nodes of unknown types, with the ports their connections use, and saves them unchanged', async () => {
    const flow: Flow = {
      ...contactsFlow(),
      nodes: [
        ...contactsFlow().nodes,
        { id: 'legacy', type: 'acme.crm-sync', version: 3, config: { endpoint: 'https://crm.example', secretish: { $secret: 'x' } } },
      ],
      connections: [...contactsFlow().connections, { from: { node: 'mapper', port: 'entities' }, to: { node: 'legacy', port: 'in' } }],
    };
    const graph = flowToGraph(flow, lookup);
    const legacy = graph.nodes.find((node) => node.id === 'legacy');
    expect(legacy?.missing).toBe(true);
    expect(legacy?.inputs.map((port) => port.key)).toEqual(['in']);
    const canvas = realCanvas();
    await importGraph(canvas, graph);
    expect(JSON.stringify(graphToFlow(flow, snapshotGraph(canvas)))).toBe(JSON.stringify(flow));
  });

  it('writes a moved node\'s new position (rounded) and nothing else', async () => {
    const flow = contactsFlow();
    const canvas = realCanvas();
    await importGraph(canvas, flowToGraph(flow, lookup));
    await canvas.area.translate('csv', { x: 333.4, y: 99.6 });
    const after = graphToFlow(flow, snapshotGraph(canvas));
    expect(after.nodes[1]).toEqual({ ...flow.nodes[1], position: { x: 333, y: 100 } });
    expect(after.nodes[0]).toBe(flow.nodes[0]);
    expect(after.connections).toEqual(flow.connections);
  });

  it('leaves a node without a saved position without one until it is moved', () => {
    const flow = contactsFlow();
    delete flow.nodes[3].position;
    const graph = flowToGraph(flow, lookup);
    expect(graph.nodes[3].position).toEqual({ x: 960, y: 0 });
    expect(graphToFlow(flow, drawn(graph)).nodes[3]).not.toHaveProperty('position');
  });

  it('appends nodes and connections added on the canvas after the existing ones', () => {
    const flow = contactsFlow();
    const snapshot = drawn(flowToGraph(flow, lookup));
    const added = { id: 'store-2', type: 'core.entity-store', version: 1, config: {}, position: { x: 5, y: 6 } };
    snapshot.nodes.push({ id: added.id, data: added, placed: undefined, position: { x: 5, y: 6 } });
    snapshot.connections.push({ source: 'mapper', sourceOutput: 'entities', target: 'store-2', targetInput: 'entities' });
    const after = graphToFlow(flow, snapshot);
    expect(after.nodes.map((node) => node.id)).toEqual(['folder', 'csv', 'mapper', 'store', 'store-2']);
    expect(after.connections.at(-1)).toEqual({ from: { node: 'mapper', port: 'entities' }, to: { node: 'store-2', port: 'entities' } });
  });

  it('shows a connection to a port the type lacks (kept), and leaves out one naming a missing node', () => {
    const flow = contactsFlow();
    flow.connections.push({ from: { node: 'csv', port: 'oldPort' }, to: { node: 'store', port: 'entities' } });
    flow.connections.push({ from: { node: 'ghost', port: 'x' }, to: { node: 'store', port: 'entities' } });
    const graph = flowToGraph(flow, lookup);
    expect(graph.nodes[1].outputs.map((port) => [port.key, port.stale ?? false])).toEqual([['records', false], ['oldPort', true]]);
    expect(graph.dropped).toEqual(['ghost.x → store.entities names a node that is not in the flow']);
  });
});

describe('a catalogue change', () => {
  it('redraws only when a node of the flow gains, loses or changes its type\'s ports', () => {
    const flow = contactsFlow();
    const renamed = { ...csvType, label: 'Renamed CSV' };
    expect(drawnTypesChanged(flow, catalogue, catalogue.map((node) => (node === csvType ? renamed : node)))).toBe(false);
    expect(drawnTypesChanged(flow, catalogue, catalogue.filter((node) => node !== csvType))).toBe(true);
    const withPort = { ...csvType, outputs: { ...csvType.outputs, errors: { socket: 'records:*' } } };
    expect(drawnTypesChanged(flow, catalogue, catalogue.map((node) => (node === csvType ? withPort : node)))).toBe(true);
    expect(drawnTypesChanged(flow, catalogue, [...catalogue, { ...csvType, type: 'acme.other' }])).toBe(false);
  });
});
