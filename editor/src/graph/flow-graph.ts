/**
 * Flow JSON ↔ canvas graph, as pure functions. The flow JSON is the model; the canvas is a view of it.
 * `flowToGraph` says what to draw; `graphToFlow` folds what the canvas holds back into the flow, reusing the
 * flow's own node and connection objects wherever nothing changed, so a round trip gives identical JSON
 * (node order, connection order, positions, configs and key order untouched).
 */
import type { Flow, FlowConnection, FlowNode, NodeTypeInfo } from '../api/types.ts';
import type { PortSpec } from '../../../nodes/contract/node-definition.ts';
import { defaultPosition } from './node-layout.ts';

/** A point on the canvas. */
export interface Position {
  x: number;
  y: number;
}

/** A port as the canvas draws it. `socket` may hold `{field}` placeholders filled from the node's config. */
export interface PortView {
  key: string;
  label: string;
  socket: string;
  multiple: boolean;
  required: boolean;
  description?: string;
  /** A port a connection names but the node type does not have (kept so the connection is not lost). */
  stale?: boolean;
}

/** A node to draw. */
export interface GraphNodeSpec {
  id: string;
  data: FlowNode;
  label: string;
  position: Position;
  /** The position the node was placed at when the flow was loaded. */
  placed?: Position;
  inputs: PortView[];
  outputs: PortView[];
  missing: boolean;
}

/** A connection to draw (Rete's naming). */
export interface GraphConnectionSpec {
  source: string;
  sourceOutput: string;
  target: string;
  targetInput: string;
}

/** What to draw for a flow. */
export interface GraphSpec {
  nodes: GraphNodeSpec[];
  connections: GraphConnectionSpec[];
  /** Connections that cannot be drawn (a node they name is not in the flow), described. */
  dropped: string[];
}

/** What the canvas holds: nodes in canvas order with their positions, connections in canvas order. */
export interface GraphSnapshot {
  nodes: { id: string; data: FlowNode; placed?: Position; position: Position }[];
  connections: GraphConnectionSpec[];
}

/** Finds a node type by type id and version. */
export type DefinitionLookup = (type: string, version: number) => NodeTypeInfo | undefined;

function toPortViews(ports: Record<string, PortSpec> | undefined): PortView[] {
  return Object.entries(ports ?? {}).map(([key, spec]) => ({
    key,
    label: spec.label ?? key,
    socket: spec.socket,
    multiple: spec.multiple ?? false,
    required: spec.required ?? false,
    description: spec.description,
  }));
}

/**
 * The ports a node shows: its type's ports, plus any port its connections name that the type lacks (all of
 * them for a node whose type is not in the catalogue), so no connection is lost.
 */
function portsFor(defined: PortView[], node: FlowNode, connections: FlowConnection[], side: 'from' | 'to'): PortView[] {
  const known = new Set(defined.map((port) => port.key));
  const named = new Set(connections.filter((c) => c[side].node === node.id).map((c) => c[side].port));
  const extra = [...named].filter((key) => !known.has(key))
    .map((key) => ({ key, label: key, socket: 'unknown:*', multiple: true, required: false, stale: true }));
  return [...defined, ...extra];
}

/**
 * The graph to draw for a flow. Nodes of unknown types are kept, with the ports their connections use.
 * @example flowToGraph(flow, catalogue.lookup).nodes[0].outputs[0].socket // 'records:csv.row'
 */
export function flowToGraph(flow: Flow, lookup: DefinitionLookup): GraphSpec {
  const ids = new Set(flow.nodes.map((node) => node.id));
  const drawable = flow.connections.filter(({ from, to }) => ids.has(from.node) && ids.has(to.node));
  const nodes = flow.nodes.map((node, index): GraphNodeSpec => {
    const definition = lookup(node.type, node.version);
    const position = node.position ?? defaultPosition(index);
    return {
      id: node.id,
      data: node,
      label: node.label ?? definition?.label ?? node.type,
      position,
      placed: position,
      inputs: portsFor(toPortViews(definition?.inputs), node, drawable, 'to'),
      outputs: portsFor(toPortViews(definition?.outputs), node, drawable, 'from'),
      missing: !definition,
    };
  });
  const connections = drawable.map(({ from, to }) => ({
    source: from.node,
    sourceOutput: from.port,
    target: to.node,
    targetInput: to.port,
  }));
  const dropped = flow.connections.filter((c) => !drawable.includes(c))
    .map(({ from, to }) => `${from.node}.${from.port} → ${to.node}.${to.port} names a node that is not in the flow`);
  return { nodes, connections, dropped };
}

/** The graph for a node the user adds (from the palette or a paste). */
export function nodeToGraph(node: FlowNode, definition: NodeTypeInfo | undefined): GraphNodeSpec {
  return flowToGraph({ schemaVersion: 1, id: 'x', name: 'x', nodes: [node], connections: [] }, () => definition).nodes[0];
}

const samePoint = (a: Position | undefined, b: Position): boolean =>
  a !== undefined && Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;

function placeNode(node: FlowNode, entry: GraphSnapshot['nodes'][number]): FlowNode {
  if (samePoint(entry.placed, entry.position) || samePoint(node.position, entry.position)) return node;
  return { ...node, position: { x: Math.round(entry.position.x), y: Math.round(entry.position.y) } };
}

function sameConnection(connection: FlowConnection, spec: GraphConnectionSpec): boolean {
  return connection.from.node === spec.source && connection.from.port === spec.sourceOutput
    && connection.to.node === spec.target && connection.to.port === spec.targetInput;
}

/**
 * Folds the canvas back into the flow: nodes and connections in canvas order, the flow's own objects where
 * they are unchanged, node data for nodes the flow does not have yet taken from the canvas.
 */
export function graphToFlow(flow: Flow, snapshot: GraphSnapshot): Flow {
  const byId = new Map(flow.nodes.map((node) => [node.id, node]));
  const nodes = snapshot.nodes.map((entry) => placeNode(byId.get(entry.id) ?? entry.data, entry));
  const unused = [...flow.connections];
  const connections = snapshot.connections.map((spec) => {
    const index = unused.findIndex((connection) => sameConnection(connection, spec));
    if (index >= 0) return unused.splice(index, 1)[0];
    return { from: { node: spec.source, port: spec.sourceOutput }, to: { node: spec.target, port: spec.targetInput } };
  });
  return { ...flow, nodes, connections };
}
