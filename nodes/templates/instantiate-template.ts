import type { NodeCatalog } from '../contract/catalog.ts';
import { FlowDefinitionError, type FlowIssue } from '../contract/errors.ts';
import type { Flow, FlowNode } from '../contract/flow-file.ts';
import { validateFlow } from '../contract/validate-flow.ts';
import type { FlowTemplate } from './flow-template.ts';

/** What the New-channel wizard sends: the flow's id and name, the filled settings and the ticked connectors. */
export interface InstantiateOptions {
  flowId: string;
  name: string;
  description?: string;
  /** Config values per template node: `{ soap: { wsdlUrl: 'https://…', apiKey: 's3cret' } }`; dotted fields allowed. */
  values?: Record<string, Record<string, unknown>>;
  /** Ids of the ticked connectors; default: those marked `default: true`. */
  connectors?: string[];
  /** Default: the template's schedule; `null` for none (runs only when started). */
  schedule?: Flow['schedule'] | null;
  /** Default: the template's `enabled` (true when it says nothing). */
  enabled?: boolean;
}

/** The nodes to drop: those of unticked connectors that no ticked connector also holds. */
function removedNodes(template: FlowTemplate, ticked: string[] | undefined, issues: FlowIssue[]): Set<string> {
  const connectors = template.connectors ?? [];
  const chosen = new Set(ticked ?? connectors.filter((connector) => connector.default).map((connector) => connector.id));
  for (const id of chosen) {
    if (!connectors.some((connector) => connector.id === id)) {
      issues.push({ code: 'unknown-connector', field: 'connectors', message: `template ${template.id} has no connector "${id}" (it has: ${connectors.map((c) => c.id).join(', ') || 'none'})` });
    }
  }
  const kept = new Set(connectors.filter((connector) => chosen.has(connector.id)).flatMap((connector) => connector.nodeIds));
  return new Set(connectors.filter((connector) => !chosen.has(connector.id)).flatMap((connector) => connector.nodeIds).filter((id) => !kept.has(id)));
}

function setPath(target: Record<string, unknown>, field: string, value: unknown): void {
  const segments = field.split('.');
  let current = target;
  for (const segment of segments.slice(0, -1)) {
    const next = current[segment];
    current = (current[segment] = typeof next === 'object' && next !== null && !Array.isArray(next) ? next : {}) as Record<string, unknown>;
  }
  current[segments[segments.length - 1]] = value;
}

function getPath(source: Record<string, unknown>, field: string): unknown {
  return field.split('.').reduce<unknown>((value, segment) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[segment] : undefined), source);
}

function fillValues(template: FlowTemplate, nodes: FlowNode[], values: InstantiateOptions['values'], issues: FlowIssue[]): void {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const templateIds = new Set(template.flow.nodes.map((node) => node.id));
  for (const [nodeId, fields] of Object.entries(values ?? {})) {
    const node = byId.get(nodeId);
    if (!node) {
      if (!templateIds.has(nodeId)) issues.push({ code: 'unknown-node', nodeId, message: `template ${template.id} has no node "${nodeId}"` });
      continue;
    }
    for (const [field, value] of Object.entries(fields)) if (value !== undefined) setPath(node.config, field, value);
  }
  for (const parameter of template.parameters) {
    const node = byId.get(parameter.nodeId);
    const value = node && getPath(node.config, parameter.field);
    if (node && parameter.required && (value === undefined || value === '')) {
      issues.push({ code: 'missing-parameter', nodeId: node.id, field: `config.${parameter.field}`, message: `node "${node.id}": ${parameter.label} (config.${parameter.field}) is required` });
    }
  }
}

/**
 * Builds a flow from a template: unticked connectors' nodes and their connections are removed, the values
 * are written into the nodes' configs, and the result is validated against `catalog` (file schema, configs,
 * sockets, required inputs). Throws a `FlowDefinitionError` listing every problem, each naming node and field.
 * @example
 * const flow = instantiateTemplate(templates.get('magento.shop')!, {
 *   flowId: 'magento-main', name: 'Magento main store', connectors: ['customers', 'orders'],
 *   values: { soap: { wsdlUrl: 'https://shop.example/api/v2_soap/?wsdl=1', apiUser: 'oro', apiKey: 's3cret' } },
 * }, catalog);
 */
export function instantiateTemplate(template: FlowTemplate, options: InstantiateOptions, catalog: NodeCatalog): Flow {
  const issues: FlowIssue[] = [];
  const removed = removedNodes(template, options.connectors, issues);
  const nodes = structuredClone(template.flow.nodes.filter((node) => !removed.has(node.id)));
  fillValues(template, nodes, options.values, issues);
  const { schemaVersion: _version, ...rest } = structuredClone(template.flow);
  const flow: Flow = {
    ...rest,
    schemaVersion: 1,
    id: options.flowId,
    name: options.name,
    description: options.description ?? template.flow.description ?? template.description,
    enabled: options.enabled ?? template.flow.enabled ?? true,
    schedule: options.schedule === null ? undefined : (options.schedule ?? template.flow.schedule),
    nodes,
    connections: rest.connections.filter(({ from, to }) => !removed.has(from.node) && !removed.has(to.node)),
  };
  if (flow.schedule === undefined) delete flow.schedule;
  const named = new Set(issues.map((issue) => `${issue.nodeId}\u0000${issue.field}`));
  issues.push(...validateFlow(flow, catalog).issues.filter((issue) => !named.has(`${issue.nodeId}\u0000${issue.field}`)));
  if (issues.length > 0) throw new FlowDefinitionError(`The flow made from template ${template.id} is not valid:`, issues);
  return flow;
}
