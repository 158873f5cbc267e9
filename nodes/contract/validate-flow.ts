import { createAjv, errorField, errorSentence } from './ajv.ts';
import type { NodeCatalog } from './catalog.ts';
import { validateSavedConfig } from './config-validation.ts';
import type { FlowIssue } from './errors.ts';
import type { Flow } from './flow-file.ts';
import { flowFileSchema } from './flow-file.ts';
import { checkConnections, checkCycles, checkRequiredInputs } from './flow-graph-checks.ts';

const validateFile = createAjv({ useDefaults: false }).compile(flowFileSchema);

/** The outcome of validating a flow: the flow (when its shape is right) and every problem found. */
export interface FlowValidation {
  flow?: Flow;
  issues: FlowIssue[];
}

function checkFileShape(input: unknown): FlowIssue[] {
  if (validateFile(input)) return [];
  return (validateFile.errors ?? []).map((error) => {
    const field = errorField(error, '');
    const nodeIndex = /^nodes\.(\d+)/.exec(field);
    const nodes = (input as { nodes?: { id?: unknown }[] }).nodes;
    const nodeId = nodeIndex && Array.isArray(nodes) ? nodes[Number(nodeIndex[1])]?.id : undefined;
    return {
      code: 'flow-schema',
      field: field || undefined,
      nodeId: typeof nodeId === 'string' ? nodeId : undefined,
      message: errorSentence(error, field || 'the flow'),
    };
  });
}

function checkNodes(flow: Flow, catalog: NodeCatalog): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const seen = new Set<string>();
  for (const node of flow.nodes) {
    if (seen.has(node.id)) {
      issues.push({ code: 'duplicate-id', nodeId: node.id, field: 'id', message: `node id "${node.id}" is used more than once` });
    }
    seen.add(node.id);
    const definition = catalog.get(node.type, node.version);
    if (!definition) {
      const known = catalog.get(node.type);
      const message = known
        ? `node "${node.id}": type ${node.type} has no version ${node.version} (latest is ${known.version})`
        : `node "${node.id}": unknown node type "${node.type}" (is its package installed?)`;
      issues.push({ code: known ? 'unknown-version' : 'unknown-type', nodeId: node.id, field: 'type', message });
      continue;
    }
    for (const issue of validateSavedConfig(definition, node.config)) {
      issues.push({ code: 'config', nodeId: node.id, field: issue.field, message: `node "${node.id}": ${issue.message}` });
    }
  }
  return issues;
}

/**
 * Validates a parsed flow file against the file schema, the catalog and the graph rules, and reports
 * every problem at once, each naming the node and the field.
 */
export function validateFlow(input: unknown, catalog: NodeCatalog): FlowValidation {
  const shapeIssues = checkFileShape(input);
  if (shapeIssues.length > 0) return { issues: shapeIssues };
  const flow = input as Flow;
  const issues = [
    ...checkNodes(flow, catalog),
    ...checkConnections(flow, catalog),
    ...checkRequiredInputs(flow, catalog),
    ...checkCycles(flow),
  ];
  return { flow, issues };
}
