import { createAjv, errorField, errorSentence } from '../contract/ajv.ts';
import type { NodeCatalog } from '../contract/catalog.ts';
import { flowFileSchema } from '../contract/flow-file.ts';
import { channelTypeInfoSchema, flowTemplateSchema, type FlowTemplate } from './flow-template.ts';

const ajv = createAjv({ useDefaults: false });
const validateTemplateShape = ajv.compile(flowTemplateSchema);
const validateFlowShape = ajv.compile(flowFileSchema);
const validateChannelType = ajv.compile(channelTypeInfoSchema);

function shapeProblems(errors: typeof validateTemplateShape.errors, prefix: string): string[] {
  return (errors ?? []).map((error) => errorSentence(error, errorField(error, prefix) || prefix || 'the template'));
}

function referenceProblems(template: FlowTemplate): string[] {
  const problems: string[] = [];
  const ids = new Set(template.flow.nodes.map((node) => node.id));
  for (const parameter of template.parameters) {
    if (!ids.has(parameter.nodeId)) problems.push(`parameter "${parameter.field}" names node "${parameter.nodeId}", which the flow does not have`);
  }
  const connectorIds = new Set<string>();
  for (const connector of template.connectors ?? []) {
    if (connectorIds.has(connector.id)) problems.push(`connector id "${connector.id}" is used more than once`);
    connectorIds.add(connector.id);
    for (const nodeId of connector.nodeIds) {
      if (!ids.has(nodeId)) problems.push(`connector "${connector.id}" names node "${nodeId}", which the flow does not have`);
    }
  }
  return problems;
}

/**
 * Why a value is not a sound flow template (shape, flow shape, parameters and connectors naming real
 * nodes), or an empty list. Node types and configs are checked when the template is instantiated.
 * @example checkTemplate({ id: 'acme.basic' }) // ['channelType is required', ...]
 */
export function checkTemplate(value: unknown): string[] {
  if (!validateTemplateShape(value)) return shapeProblems(validateTemplateShape.errors, '');
  const template = value as FlowTemplate;
  const flow = { ...template.flow, schemaVersion: 1, id: 'template', name: template.label };
  if (!validateFlowShape(flow)) return shapeProblems(validateFlowShape.errors, 'flow');
  return referenceProblems(template);
}

/** Why a value is not a sound channel type declaration (`{ id, label, description }`), or an empty list. */
export function checkChannelType(value: unknown): string[] {
  return validateChannelType(value) ? [] : shapeProblems(validateChannelType.errors, '');
}

/**
 * The node types (with versions) a template uses that `catalog` does not know, as sentences; empty when the
 * template can be instantiated with what is installed.
 * @example missingNodeTypes(template, createBuiltInCatalog()) // ['node "soap" uses magento.soap-transport version 1, which is not installed']
 */
export function missingNodeTypes(template: FlowTemplate, catalog: NodeCatalog): string[] {
  return template.flow.nodes
    .filter((node) => !catalog.get(node.type, node.version))
    .map((node) => `node "${node.id}" uses ${node.type} version ${node.version}, which is not installed`);
}
