/**
 * Copy and paste of nodes, as pure functions: what is copied is flow JSON (nodes and the connections between
 * them); pasting gives the nodes fresh ids, shifts them and keeps their internal connections.
 */
import type { FlowConnection, FlowNode } from '../api/types.ts';
import { uniqueId } from '../lib/ids.ts';
import { plainCopy } from '../lib/format.ts';

/** What Ctrl+C puts on the clipboard. */
export interface ClipboardContent {
  nodes: FlowNode[];
  connections: FlowConnection[];
}

/** Copies `ids` from a flow: the nodes (with current positions) and the connections among them. */
export function copyNodes(nodes: FlowNode[], connections: FlowConnection[], ids: readonly string[]): ClipboardContent {
  const chosen = new Set(ids);
  return {
    nodes: plainCopy(nodes.filter((node) => chosen.has(node.id))),
    connections: plainCopy(connections.filter(({ from, to }) => chosen.has(from.node) && chosen.has(to.node))),
  };
}

/**
 * The nodes and connections to add for a paste: new ids not in `taken`, positions shifted by `offset`.
 * @example pasteNodes(content, new Set(['csv']), { x: 40, y: 40 }).nodes[0].id // 'csv-2'
 */
export function pasteNodes(content: ClipboardContent, taken: ReadonlySet<string>, offset: { x: number; y: number }): ClipboardContent {
  const used = new Set(taken);
  const renamed = new Map<string, string>();
  const nodes = content.nodes.map((node) => {
    const id = uniqueId(node.id.replace(/-\d+$/, ''), used);
    used.add(id);
    renamed.set(node.id, id);
    const position = node.position ?? { x: 0, y: 0 };
    return { ...plainCopy(node), id, position: { x: position.x + offset.x, y: position.y + offset.y } };
  });
  const connections = content.connections.map(({ from, to }) => ({
    from: { node: renamed.get(from.node) ?? from.node, port: from.port },
    to: { node: renamed.get(to.node) ?? to.node, port: to.port },
  }));
  return { nodes, connections };
}
