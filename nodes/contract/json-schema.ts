import type { FromSchema, JSONSchema } from 'json-schema-to-ts';

/** A JSON Schema (draft 2020-12 or 07) as node configs and entities use it. */
export type JsonSchema = JSONSchema;

/** An object schema: what a node's `config` must be. */
export type ObjectSchema = Exclude<JSONSchema, boolean> & { type: 'object' };

/** The TypeScript type a JSON Schema describes. */
export type SchemaType<S> = S extends JSONSchema ? FromSchema<S> : never;
