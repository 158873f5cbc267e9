import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { AnyNodeDefinition, NodeDefinition } from './node-definition.ts';

/** The config type a schema describes; `Record<string, unknown>` when it is not a literal schema. */
type ConfigOf<S> = S extends JSONSchema ? FromSchema<S> : Record<string, unknown>;

/** A definition literal whose config type is inferred from its JSON Schema. */
type DefinitionOf<S, R> = Omit<NodeDefinition<ConfigOf<S>, R>, 'config'> & { config: S };

/**
 * Defines a node type; `ctx.config` is typed from the `config` schema, so there is one source of truth.
 * @example
 * export default defineNode({
 *   type: 'core.hello', version: 1, category: 'transform', channelType: 'core', label: 'Hello', description: '...',
 *   config: { type: 'object', properties: { greeting: { type: 'string', default: 'hi' } }, required: ['greeting'] },
 *   inputs: { in: { socket: 'records:*' } }, outputs: { out: { socket: 'records:json' } },
 *   transform: (records, ctx) => records.map((record) => ({ record, greeting: ctx.config.greeting })),
 * });
 */
export function defineNode<const S extends { readonly type: 'object' }, R = unknown>(
  definition: DefinitionOf<S, R>,
): AnyNodeDefinition {
  return definition as unknown as AnyNodeDefinition;
}
