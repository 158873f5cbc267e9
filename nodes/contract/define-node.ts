import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { AnyNodeDefinition, NodeDefinition } from './node-definition.ts';

/** A definition literal whose config type is inferred from its JSON Schema. */
type DefinitionOf<S extends JSONSchema, R> = Omit<NodeDefinition<FromSchema<S>, R>, 'config'> & { config: S };

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
export function defineNode<const S extends JSONSchema & { type: 'object' }, R = unknown>(
  definition: DefinitionOf<S, R>,
): AnyNodeDefinition {
  return definition as unknown as AnyNodeDefinition;
}
