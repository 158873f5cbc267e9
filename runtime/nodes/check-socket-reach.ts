import { resolvePortSocket, type LoadProblem, type NodeCatalog } from '../../nodes/contract/catalog.ts';
import type { AnyNodeDefinition } from '../../nodes/contract/node-definition.ts';
import { canConnect } from '../../nodes/contract/socket.ts';

/** A port's socket with `{field}` placeholders as wildcards: what it may become for some config. */
function openSocket(definition: AnyNodeDefinition, side: 'inputs' | 'outputs', port: string): string {
  return resolvePortSocket(definition[side]![port], {});
}

function reachable(catalog: NodeCatalog, definition: AnyNodeDefinition, side: 'inputs' | 'outputs', socket: string): boolean {
  const otherSide = side === 'inputs' ? 'outputs' : 'inputs';
  return catalog.list().some((other) => other.type !== definition.type && Object.keys(other[otherSide] ?? {}).some((port) => {
    const otherSocket = openSocket(other, otherSide, port);
    return side === 'inputs' ? canConnect(otherSocket, socket) : canConnect(socket, otherSocket);
  }));
}

/**
 * Warns about ports of the given sources' node types that nothing can be wired to: an input no other known
 * node type's output fits (a connector whose transport is not installed), or an output no input accepts.
 * The node types still load; the warning names the source, the type, the port and its socket.
 * @example checkSocketReach(catalog, new Set(['tributary-todo/src/index.ts']), (s) => `package ${s}`)
 */
export function checkSocketReach(catalog: NodeCatalog, sources: Set<string>, labelOf: (source: string) => string = (source) => source): LoadProblem[] {
  const problems: LoadProblem[] = [];
  for (const definition of catalog.list()) {
    const source = catalog.sourceOf(definition.type, definition.version);
    if (source === undefined || !sources.has(source)) continue;
    for (const side of ['inputs', 'outputs'] as const) {
      for (const port of Object.keys(definition[side] ?? {})) {
        const socket = openSocket(definition, side, port);
        if (reachable(catalog, definition, side, socket)) continue;
        const what = side === 'inputs' ? `no other node type has an output that fits it` : `no other node type has an input that accepts it`;
        problems.push({
          source,
          severity: 'warning',
          message: `${labelOf(source)}: node type "${definition.type}" ${side === 'inputs' ? 'input' : 'output'} "${port}" (${socket}) cannot be connected: ${what} (is the package that provides it installed?)`,
        });
      }
    }
  }
  return problems;
}
