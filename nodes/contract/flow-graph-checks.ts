import { resolvePortSocket, type NodeCatalog } from './catalog.ts';
import type { FlowIssue } from './errors.ts';
import type { Flow, FlowConnection, FlowNode } from './flow-file.ts';
import type { PortSpec } from './node-definition.ts';
import { explainConnect } from './socket.ts';

function describe(connection: FlowConnection): string {
  return `${connection.from.node}.${connection.from.port} → ${connection.to.node}.${connection.to.port}`;
}

function portOf(
  catalog: NodeCatalog,
  node: FlowNode,
  side: 'inputs' | 'outputs',
  port: string,
): PortSpec | undefined {
  return catalog.get(node.type, node.version)?.[side]?.[port];
}

function checkOneConnection(connection: FlowConnection, nodes: Map<string, FlowNode>, catalog: NodeCatalog): FlowIssue[] {
  const from = nodes.get(connection.from.node);
  const to = nodes.get(connection.to.node);
  const where = describe(connection);
  const issues: FlowIssue[] = [];
  if (!from) issues.push({ code: 'dangling-connection', nodeId: connection.from.node, message: `connection ${where}: there is no node "${connection.from.node}"` });
  if (!to) issues.push({ code: 'dangling-connection', nodeId: connection.to.node, message: `connection ${where}: there is no node "${connection.to.node}"` });
  if (!from || !to || !catalog.get(from.type, from.version) || !catalog.get(to.type, to.version)) return issues;
  const output = portOf(catalog, from, 'outputs', connection.from.port);
  const input = portOf(catalog, to, 'inputs', connection.to.port);
  if (!output) issues.push({ code: 'unknown-port', nodeId: from.id, field: `outputs.${connection.from.port}`, message: `connection ${where}: node "${from.id}" (${from.type}) has no output "${connection.from.port}"` });
  if (!input) issues.push({ code: 'unknown-port', nodeId: to.id, field: `inputs.${connection.to.port}`, message: `connection ${where}: node "${to.id}" (${to.type}) has no input "${connection.to.port}"` });
  if (!output || !input) return issues;
  const verdict = explainConnect(resolvePortSocket(output, from.config), resolvePortSocket(input, to.config));
  if (!verdict.ok) {
    issues.push({ code: 'incompatible-sockets', nodeId: to.id, field: `inputs.${connection.to.port}`, message: `connection ${where}: ${verdict.reason}` });
  }
  return issues;
}

/** Dangling connections, unknown ports, incompatible sockets and over-connected single inputs. */
export function checkConnections(flow: Flow, catalog: NodeCatalog): FlowIssue[] {
  const nodes = new Map(flow.nodes.map((node) => [node.id, node]));
  const issues = flow.connections.flatMap((connection) => checkOneConnection(connection, nodes, catalog));
  const perInput = new Map<string, number>();
  for (const { to } of flow.connections) perInput.set(`${to.node}\u0000${to.port}`, (perInput.get(`${to.node}\u0000${to.port}`) ?? 0) + 1);
  for (const [key, count] of perInput) {
    const [nodeId, port] = key.split('\u0000');
    const node = nodes.get(nodeId);
    const input = node && portOf(catalog, node, 'inputs', port);
    if (input && !input.multiple && count > 1) {
      issues.push({ code: 'multiple-inputs', nodeId, field: `inputs.${port}`, message: `node "${nodeId}": input "${port}" takes one connection but has ${count}` });
    }
  }
  return issues;
}

/** Every `required` input must be wired. */
export function checkRequiredInputs(flow: Flow, catalog: NodeCatalog): FlowIssue[] {
  const wired = new Set(flow.connections.map(({ to }) => `${to.node}\u0000${to.port}`));
  const issues: FlowIssue[] = [];
  for (const node of flow.nodes) {
    const inputs = catalog.get(node.type, node.version)?.inputs ?? {};
    for (const [port, spec] of Object.entries(inputs)) {
      if (spec.required && !wired.has(`${node.id}\u0000${port}`)) {
        issues.push({ code: 'missing-input', nodeId: node.id, field: `inputs.${port}`, message: `node "${node.id}": required input "${port}" is not connected` });
      }
    }
  }
  return issues;
}

/** Connections must not form a cycle; each cycle is reported once with its nodes. */
export function checkCycles(flow: Flow): FlowIssue[] {
  const next = new Map<string, string[]>();
  for (const { from, to } of flow.connections) next.set(from.node, [...(next.get(from.node) ?? []), to.node]);
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const issues: FlowIssue[] = [];
  const visit = (id: string): void => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const target of next.get(id) ?? []) {
      if (state.get(target) === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(target)), target];
        issues.push({ code: 'cycle', nodeId: target, message: `connections form a cycle: ${cycle.join(' → ')}` });
      } else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const node of flow.nodes) if (!state.has(node.id)) visit(node.id);
  return issues;
}
