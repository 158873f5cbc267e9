import { defineNode } from '../../contract/define-node.ts';

/**
 * `core.entity-store`: writes the entities it receives to the platform's entity store, keyed by entity
 * type, channel (the flow id) and origin id. The runtime checks each entity against its schema and
 * commits the connectors' cursors in the same transaction.
 */
export const entityStoreNode = defineNode({
  type: 'core.entity-store',
  version: 1,
  category: 'store',
  channelType: 'core',
  label: 'Entity store',
  description: 'Saves entities (added, updated or unchanged) so every channel\'s data can be seen side by side.',
  config: { type: 'object', additionalProperties: false, properties: {} },
  inputs: { entities: { socket: 'entities:*', label: 'Entities', required: true, multiple: true } },
  write: async (batch, ctx) => {
    await ctx.writeEntities(batch.records);
  },
});
