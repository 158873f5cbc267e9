/**
 * A flow template's parameters as a schema form: one field per parameter, whose schema is the node type's
 * config schema at the parameter's field (so the wizard and the inspector validate alike), plus the helpers
 * that turn the filled form into node configs and the `values` of `POST /api/flows/from-template`.
 */
import type { FlowIssue, FlowTemplate, NodeTypeInfo, TemplateParameter } from '../api/types.ts';
import type { DefinitionLookup } from '../graph/flow-graph.ts';
import { validateConfig, type FieldErrors } from '../schema-form/config-validator.ts';
import type { FieldSchema } from '../schema-form/schema-kinds.ts';
import { setAt } from '../schema-form/values.ts';

/** The filled form: values by parameter key. */
export type TemplateValues = Record<string, unknown>;

/**
 * A parameter's key in the form, its errors and its test ids: `<nodeId>.<field>`.
 * @example parameterKey({ nodeId: 'soap', field: 'apiKey', label: 'API key' }) // 'soap.apiKey'
 */
export function parameterKey(parameter: Pick<TemplateParameter, 'nodeId' | 'field'>): string {
  return `${parameter.nodeId}.${parameter.field}`;
}

const templateNode = (template: FlowTemplate, nodeId: string) => template.flow.nodes.find((node) => node.id === nodeId);

/** The node type of a template node, if the catalogue has it. */
export function nodeDefinition(template: FlowTemplate, nodeId: string, lookup: DefinitionLookup): NodeTypeInfo | undefined {
  const node = templateNode(template, nodeId);
  return node && lookup(node.type, node.version);
}

/** The schema of a dotted field in a config schema (`query.status` → properties.query.properties.status). */
function schemaAt(schema: FieldSchema | undefined, field: string): FieldSchema | undefined {
  return field.split('.').reduce<FieldSchema | undefined>((current, segment) => current?.properties?.[segment], schema);
}

/**
 * The settings form of a template: a field per parameter, in the template's order. The schema is the node
 * type's at the field, titled and described by the template; a secret parameter becomes a password field.
 * @example parameterSchema(magentoShop, lookup).properties?.['soap.apiKey'].writeOnly // true
 */
export function parameterSchema(template: FlowTemplate, lookup: DefinitionLookup): FieldSchema {
  const properties: Record<string, FieldSchema> = {};
  for (const parameter of template.parameters) {
    const config = nodeDefinition(template, parameter.nodeId, lookup)?.config as FieldSchema | undefined;
    const schema = schemaAt(config, parameter.field) ?? { type: 'string' };
    properties[parameterKey(parameter)] = {
      ...schema,
      title: parameter.label,
      description: parameter.description ?? schema.description,
      ...(parameter.secret ? { writeOnly: true } : {}),
    };
  }
  const required = template.parameters.filter((parameter) => parameter.required).map(parameterKey);
  return { type: 'object', properties, required };
}

/** A template node's config with the filled parameters written in (as the server will build it). */
export function nodeConfig(template: FlowTemplate, nodeId: string, values: TemplateValues): Record<string, unknown> {
  let config: unknown = structuredClone(templateNode(template, nodeId)?.config ?? {});
  for (const parameter of template.parameters.filter((item) => item.nodeId === nodeId)) {
    const value = values[parameterKey(parameter)];
    if (value !== undefined && value !== '') config = setAt(config, parameter.field.split('.'), value);
  }
  return config as Record<string, unknown>;
}

/**
 * The `values` of `POST /api/flows/from-template`: `{ nodeId: { field: value } }`, empty inputs left out.
 * @example requestValues(template, { 'soap.apiUser': 'oro' }) // { soap: { apiUser: 'oro' } }
 */
export function requestValues(template: FlowTemplate, values: TemplateValues): Record<string, Record<string, unknown>> {
  const grouped: Record<string, Record<string, unknown>> = {};
  for (const parameter of template.parameters) {
    const value = values[parameterKey(parameter)];
    if (value === undefined || value === '') continue;
    (grouped[parameter.nodeId] ??= {})[parameter.field] = value;
  }
  return grouped;
}

/**
 * Errors of the filled parameters, from the node types' schemas (the inspector's validation). A parameter
 * left empty is flagged only with `showRequired` (once the user tried to go on).
 */
export function parameterErrors(template: FlowTemplate, values: TemplateValues, lookup: DefinitionLookup, showRequired: boolean): FieldErrors {
  const errors: FieldErrors = {};
  const byNode = new Map<string, FieldErrors>();
  for (const parameter of template.parameters) {
    const key = parameterKey(parameter);
    const value = values[key];
    const empty = value === undefined || value === '';
    if (empty) {
      if (showRequired && parameter.required) errors[key] = 'is required';
      continue;
    }
    const definition = nodeDefinition(template, parameter.nodeId, lookup);
    if (!definition) continue;
    if (!byNode.has(parameter.nodeId)) byNode.set(parameter.nodeId, validateConfig(definition, nodeConfig(template, parameter.nodeId, values)));
    const nodeErrors = byNode.get(parameter.nodeId) ?? {};
    const found = Object.entries(nodeErrors).find(([field]) => field === parameter.field || field.startsWith(`${parameter.field}.`));
    if (found) errors[key] = found[1];
  }
  return errors;
}

/** The server's issues about filled parameters (`nodeId` + `config.<field>`) as form errors. */
export function issueErrors(template: FlowTemplate, issues: readonly FlowIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const parameter = template.parameters.find((item) => item.nodeId === issue.nodeId && issue.field === `config.${item.field}`);
    if (parameter) errors[parameterKey(parameter)] ??= issue.message;
  }
  return errors;
}

/** The template nodes the wizard offers a connection check for: checkable types the user fills settings of. */
export function checkableNodes(template: FlowTemplate, lookup: DefinitionLookup): { nodeId: string; type: string; label: string }[] {
  const nodeIds = [...new Set(template.parameters.map((parameter) => parameter.nodeId))];
  return nodeIds.flatMap((nodeId) => {
    const definition = nodeDefinition(template, nodeId, lookup);
    return definition?.checkable ? [{ nodeId, type: definition.type, label: definition.label }] : [];
  });
}

/** `type vN` of every template node the catalogue lacks (such a template cannot be created yet). */
export function missingNodeTypes(template: FlowTemplate, lookup: DefinitionLookup): string[] {
  return [...new Set(template.flow.nodes.filter((node) => !lookup(node.type, node.version)).map((node) => `${node.type} v${node.version}`))];
}

