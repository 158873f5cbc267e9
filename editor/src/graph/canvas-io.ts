/**
 * Drawing a graph on the Rete editor and reading it back. Rete v2 has no serializer: import is clear, add
 * nodes with their ids, translate them, add connections; export is the nodes, connections and node views.
 */
import type { NodeEditor } from 'rete';
import type { AreaPlugin } from 'rete-area-plugin';
import type { GraphConnectionSpec, GraphNodeSpec, GraphSnapshot, GraphSpec } from './flow-graph.ts';
import { FlowConnectionView, FlowNodeView, type AreaExtra, type Schemes } from './schemes.ts';

/** The editor and its area, as the import and export functions need them. */
export interface CanvasCore {
  editor: NodeEditor<Schemes>;
  area: AreaPlugin<Schemes, AreaExtra>;
}

/** Adds one node view at its position. Returns the view. */
export async function addNodeView(core: CanvasCore, spec: GraphNodeSpec): Promise<FlowNodeView> {
  const view = new FlowNodeView(spec);
  await core.editor.addNode(view);
  await core.area.translate(view.id, spec.position);
  return view;
}

/** Adds one connection view; false when a node or port is missing or a guard refused it. */
export async function addConnectionView(core: CanvasCore, spec: GraphConnectionSpec): Promise<boolean> {
  const source = core.editor.getNode(spec.source);
  const target = core.editor.getNode(spec.target);
  if (!source?.outputs[spec.sourceOutput] || !target?.inputs[spec.targetInput]) return false;
  return core.editor.addConnection(new FlowConnectionView(source, spec.sourceOutput, target, spec.targetInput));
}

/** Replaces whatever the canvas shows with `graph`, in the graph's order. */
export async function importGraph(core: CanvasCore, graph: GraphSpec): Promise<void> {
  await core.editor.clear();
  for (const node of graph.nodes) await addNodeView(core, node);
  for (const connection of graph.connections) await addConnectionView(core, connection);
}

/** What the canvas holds now, in canvas order, for `graphToFlow`. */
export function snapshotGraph(core: CanvasCore): GraphSnapshot {
  return {
    nodes: core.editor.getNodes().map((node) => ({
      id: node.id,
      data: node.data,
      placed: node.placed,
      position: { ...(core.area.nodeViews.get(node.id)?.position ?? node.placed ?? { x: 0, y: 0 }) },
    })),
    connections: core.editor.getConnections().map(({ source, sourceOutput, target, targetInput }) => ({
      source, sourceOutput: String(sourceOutput), target, targetInput: String(targetInput),
    })),
  };
}
