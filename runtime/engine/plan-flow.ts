import type { NodeCatalog } from '../../nodes/contract/catalog.ts';
import { FlowDefinitionError } from '../../nodes/contract/errors.ts';
import type { Flow, FlowConnection, FlowNode } from '../../nodes/contract/flow-file.ts';
import type { AnyNodeDefinition } from '../../nodes/contract/node-definition.ts';
import { validateFlow } from '../../nodes/contract/validate-flow.ts';

/** A flow node with its definition. */
export interface PlannedNode {
  node: FlowNode;
  definition: AnyNodeDefinition;
  /** Connections leaving this node towards record-processing nodes. */
  outgoing: FlowConnection[];
  /** Record-producing nodes feeding this node (transports excluded). */
  upstream: Set<string>;
  /** Transport nodes wired into this node, by input port. */
  transports: Map<string, string>;
}

/** How a validated flow will run. */
export interface FlowPlan {
  flow: Flow;
  nodes: Map<string, PlannedNode>;
  transports: PlannedNode[];
  /** Connectors and sources with `read`, in the order they are read (phase, then flow order). */
  sources: PlannedNode[];
  /** Nodes with `transform` or `write`. */
  processors: PlannedNode[];
  /** Number of distinct paths from each source to a store node. */
  pathsToSinks: Map<string, number>;
}

const isTransport = (definition: AnyNodeDefinition): boolean => definition.category === 'transport' || !!definition.open;

/** Validates the flow and works out its plan; throws `FlowDefinitionError` listing every problem. */
export function planFlow(flow: Flow, catalog: NodeCatalog): FlowPlan {
  const { issues } = validateFlow(flow, catalog);
  if (issues.length > 0) throw new FlowDefinitionError(`Flow "${flow.id}" is not valid:`, issues);
  const nodes = new Map<string, PlannedNode>();
  for (const node of flow.nodes) {
    const definition = catalog.get(node.type, node.version) as AnyNodeDefinition;
    nodes.set(node.id, { node, definition, outgoing: [], upstream: new Set(), transports: new Map() });
  }
  for (const connection of flow.connections) {
    const from = nodes.get(connection.from.node) as PlannedNode;
    const to = nodes.get(connection.to.node) as PlannedNode;
    if (isTransport(from.definition)) {
      to.transports.set(connection.to.port, from.node.id);
    } else {
      from.outgoing.push(connection);
      to.upstream.add(from.node.id);
    }
  }
  const all = [...nodes.values()];
  const sources = all
    .filter((planned) => planned.definition.read)
    .map((planned, index) => ({ planned, index }))
    .sort((a, b) => (a.planned.definition.phase ?? 50) - (b.planned.definition.phase ?? 50) || a.index - b.index)
    .map(({ planned }) => planned);
  return {
    flow,
    nodes,
    transports: all.filter((planned) => isTransport(planned.definition)),
    sources,
    processors: all.filter((planned) => !isTransport(planned.definition) && !planned.definition.read),
    pathsToSinks: countPathsToSinks(nodes),
  };
}

function countPathsToSinks(nodes: Map<string, PlannedNode>): Map<string, number> {
  const memo = new Map<string, number>();
  const count = (id: string): number => {
    const cached = memo.get(id);
    if (cached !== undefined) return cached;
    const planned = nodes.get(id) as PlannedNode;
    const own = planned.definition.write ? 1 : 0;
    const total = own + planned.outgoing.reduce((sum, connection) => sum + count(connection.to.node), 0);
    memo.set(id, total);
    return total;
  };
  const result = new Map<string, number>();
  for (const [id, planned] of nodes) if (planned.definition.read) result.set(id, count(id));
  return result;
}
