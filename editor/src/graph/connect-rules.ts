/**
 * Whether the user may draw a connection, and why not. Socket compatibility is decided by the contract's
 * `explainConnect`, the same function the runtime validates with, on sockets resolved from the nodes' configs.
 */
import type { Flow, FlowConnection, FlowEndpoint, FlowNode } from '../api/types.ts';
import { resolvePortSocket } from '../../../nodes/contract/catalog.ts';
import { explainConnect, type ConnectVerdict } from '../../../nodes/contract/socket.ts';
import type { DefinitionLookup } from './flow-graph.ts';

function reaches(connections: FlowConnection[], start: string, goal: string): boolean {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (id === goal) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const { from, to } of connections) if (from.node === id) queue.push(to.node);
  }
  return false;
}

function missingType(node: FlowNode): ConnectVerdict {
  return { ok: false, reason: `node "${node.id}" has type ${node.type} v${node.version}, which is not in the catalogue` };
}

/**
 * Decides whether `from` (an output) may feed `to` (an input) in `flow`.
 * @example explainFlowConnection(flow, lookup, { node: 'csv', port: 'records' }, { node: 'store', port: 'entities' })
 *   // { ok: false, reason: 'a records output (records:csv.row) cannot feed a entities input (entities:*)' }
 */
export function explainFlowConnection(flow: Flow, lookup: DefinitionLookup, from: FlowEndpoint, to: FlowEndpoint): ConnectVerdict {
  if (from.node === to.node) return { ok: false, reason: 'a node cannot feed itself' };
  const source = flow.nodes.find((node) => node.id === from.node);
  const target = flow.nodes.find((node) => node.id === to.node);
  if (!source || !target) return { ok: false, reason: 'one of the nodes is not in the flow' };
  const sourceType = lookup(source.type, source.version);
  const targetType = lookup(target.type, target.version);
  if (!sourceType) return missingType(source);
  if (!targetType) return missingType(target);
  const output = sourceType.outputs?.[from.port];
  const input = targetType.inputs?.[to.port];
  if (!output) return { ok: false, reason: `node "${source.id}" has no output "${from.port}"` };
  if (!input) return { ok: false, reason: `node "${target.id}" has no input "${to.port}"` };
  const verdict = explainConnect(resolvePortSocket(output, source.config), resolvePortSocket(input, target.config));
  if (!verdict.ok) return verdict;
  if (reaches(flow.connections, to.node, from.node)) return { ok: false, reason: 'the connection would form a cycle' };
  return { ok: true };
}

/**
 * The socket type a port has with its node's current config (`entities:{entityType}` → `entities:person`),
 * or the template itself for nodes whose type is not in the catalogue.
 */
export function resolvedSocket(node: FlowNode | undefined, lookup: DefinitionLookup, side: 'input' | 'output', port: string, template: string): string {
  if (!node) return template;
  const spec = lookup(node.type, node.version)?.[side === 'input' ? 'inputs' : 'outputs']?.[port];
  return spec ? resolvePortSocket(spec, node.config) : template;
}

/** Connections of the flow the contract would refuse (a config change can make a drawn connection wrong). */
export function incompatibleConnections(flow: Flow, lookup: DefinitionLookup): { connection: FlowConnection; reason: string }[] {
  const found: { connection: FlowConnection; reason: string }[] = [];
  for (const connection of flow.connections) {
    const verdict = explainFlowConnection({ ...flow, connections: [] }, lookup, connection.from, connection.to);
    if (!verdict.ok && !/not in the catalogue/.test(verdict.reason)) found.push({ connection, reason: verdict.reason });
  }
  return found;
}
