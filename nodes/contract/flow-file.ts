import type { FromSchema } from 'json-schema-to-ts';

/** The flow file format version this code reads and writes. */
export const FLOW_SCHEMA_VERSION = 1;

/** JSON Schema of a flow file (`flows/<id>.flow.json`). Node configs are checked separately, per node type. */
export const flowFileSchema = {
  $id: 'https://tributary.dev/schemas/flow.json',
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'id', 'name', 'nodes', 'connections'],
  properties: {
    schemaVersion: { const: 1 },
    id: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9_-]{0,79}$',
      description: 'Lower-case letters, digits, "-" and "_"; the channel id of every entity the flow writes.',
    },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string' },
    enabled: { type: 'boolean', default: true },
    schedule: {
      type: 'object',
      additionalProperties: false,
      required: ['cron'],
      properties: {
        cron: { type: 'string', minLength: 1 },
        timezone: { type: 'string', default: 'UTC' },
      },
    },
    settings: {
      type: 'object',
      additionalProperties: false,
      properties: {
        batchSize: { type: 'integer', minimum: 1, maximum: 100000, default: 500 },
        runRetention: { type: 'integer', minimum: 1, maximum: 100000, default: 100 },
      },
    },
    nodes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'type', 'version', 'config'],
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$' },
          type: { type: 'string', minLength: 1 },
          version: { type: 'integer', minimum: 1 },
          label: { type: 'string' },
          config: { type: 'object' },
          position: {
            type: 'object',
            additionalProperties: false,
            required: ['x', 'y'],
            properties: { x: { type: 'number' }, y: { type: 'number' } },
          },
        },
      },
    },
    connections: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'to'],
        properties: {
          from: { $ref: '#/$defs/endpoint' },
          to: { $ref: '#/$defs/endpoint' },
        },
      },
    },
  },
  $defs: {
    endpoint: {
      type: 'object',
      additionalProperties: false,
      required: ['node', 'port'],
      properties: { node: { type: 'string' }, port: { type: 'string' } },
    },
  },
} as const;

/** One end of a connection: a node id and a port name. */
export interface FlowEndpoint {
  node: string;
  port: string;
}

/** A node placed in a flow. */
export interface FlowNode {
  id: string;
  type: string;
  version: number;
  label?: string;
  config: Record<string, unknown>;
  position?: { x: number; y: number };
}

/** A connection from an output port to an input port. */
export interface FlowConnection {
  from: FlowEndpoint;
  to: FlowEndpoint;
}

/** A saved flow: one channel. */
export interface Flow {
  schemaVersion: 1;
  id: string;
  name: string;
  description?: string;
  enabled?: boolean;
  schedule?: { cron: string; timezone?: string };
  settings?: { batchSize?: number; runRetention?: number };
  nodes: FlowNode[];
  connections: FlowConnection[];
}

/** Compile-time check that the hand-written `Flow` type and the schema agree. */
type SchemaFlow = FromSchema<typeof flowFileSchema>;
export type FlowMatchesSchema = SchemaFlow extends Omit<Flow, 'nodes' | 'connections'> ? true : never;
