import type { Flow } from '../contract/flow-file.ts';

/** A setting the user must (or may) fill when creating a channel from a template. */
export interface TemplateParameter {
  /** The template node whose config holds the setting. */
  nodeId: string;
  /** Dotted path in that node's config, for example `wsdlUrl` or `query.status`. */
  field: string;
  label: string;
  description?: string;
  /** A value must be given (unless the node is removed with its connector). */
  required?: boolean;
  /** The wizard shows a password field; the API moves the value into the secret store on save. */
  secret?: boolean;
}

/** A group of nodes the user may untick in the wizard (a connector, its mapper, ...). */
export interface TemplateConnector {
  /** Stable id the wizard sends back in `connectors`. */
  id: string;
  label: string;
  description?: string;
  /** Nodes removed (with their connections) when the connector is unticked. */
  nodeIds: string[];
  /** Ticked when the wizard opens. */
  default?: boolean;
}

/** The flow a template creates, without the id and name the user gives it. */
export type TemplateFlow = Omit<Flow, 'id' | 'name' | 'schemaVersion'> & { schemaVersion?: 1 };

/** A pre-wired flow of a channel type that the New-channel wizard fills in. */
export interface FlowTemplate {
  /** `channelType.name`, for example `magento.shop`. */
  id: string;
  channelType: string;
  label: string;
  description: string;
  flow: TemplateFlow;
  /** The settings the wizard asks for. */
  parameters: TemplateParameter[];
  /** Optional parts; nodes in no connector are always kept. */
  connectors?: TemplateConnector[];
}

/** A channel type: the palette group of its node types and the owner of its templates. */
export interface ChannelTypeInfo {
  /** `magento`, `rest`, `file` or a package's own. */
  id: string;
  label: string;
  description: string;
}

/** A channel type as `listChannelTypes` reports it, with its template ids and node types. */
export interface ChannelTypeSummary extends ChannelTypeInfo {
  templateIds: string[];
  nodeTypes: string[];
  /** Where it was declared: `built-in` or a package module; undefined when only node types use it. */
  source?: string;
}

const identifier = { type: 'string', pattern: '^[a-z][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)*$' } as const;

/** JSON Schema of a channel type a package exports. */
export const channelTypeInfoSchema = {
  type: 'object',
  required: ['id', 'label', 'description'],
  properties: { id: { type: 'string', pattern: '^[a-z][a-z0-9_-]*$' }, label: { type: 'string', minLength: 1 }, description: { type: 'string' } },
} as const;

/** JSON Schema of a flow template a package exports. The flow itself is checked with the flow file schema. */
export const flowTemplateSchema = {
  type: 'object',
  required: ['id', 'channelType', 'label', 'description', 'flow', 'parameters'],
  properties: {
    id: identifier,
    channelType: { type: 'string', pattern: '^[a-z][a-z0-9_-]*$' },
    label: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    flow: { type: 'object', required: ['nodes', 'connections'], properties: { nodes: { type: 'array' }, connections: { type: 'array' } } },
    parameters: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['nodeId', 'field', 'label'],
        properties: {
          nodeId: { type: 'string', minLength: 1 },
          field: { type: 'string', minLength: 1 },
          label: { type: 'string', minLength: 1 },
          description: { type: 'string' },
          required: { type: 'boolean' },
          secret: { type: 'boolean' },
        },
      },
    },
    connectors: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label', 'nodeIds'],
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' },
          label: { type: 'string', minLength: 1 },
          description: { type: 'string' },
          nodeIds: { type: 'array', items: { type: 'string' }, minItems: 1 },
          default: { type: 'boolean' },
        },
      },
    },
  },
} as const;
