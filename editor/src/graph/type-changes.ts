/** Whether a new node catalogue changes what the canvas draws for a flow (so it must be redrawn). */
import type { Flow, NodeTypeInfo } from '../api/types.ts';

/** What the canvas draws of a node's type: its ports, or nothing when the type is missing. */
function drawnShape(definition: NodeTypeInfo | undefined): string {
  return definition ? JSON.stringify([definition.inputs ?? {}, definition.outputs ?? {}]) : 'missing';
}

const indexOf = (nodes: readonly NodeTypeInfo[]): Map<string, NodeTypeInfo> =>
  new Map(nodes.map((node) => [`${node.type}@${node.version}`, node]));

/**
 * True when a node of `flow` changes look between two catalogues: its type appears or disappears, or its ports
 * change (a node module was edited under `serve --watch-nodes`).
 * @example drawnTypesChanged(flow, [], catalogue) // true when the flow uses a type of `catalogue`
 */
export function drawnTypesChanged(flow: Flow, before: readonly NodeTypeInfo[], after: readonly NodeTypeInfo[]): boolean {
  const old = indexOf(before);
  const now = indexOf(after);
  return flow.nodes.some((node) => {
    const key = `${node.type}@${node.version}`;
    return drawnShape(old.get(key)) !== drawnShape(now.get(key));
  });
}
