import { defineNode } from '../../contract/define-node.ts';
import { restCollectionConfigSchema } from './config-schema.ts';
import { readCollection } from './read-collection.ts';

/**
 * `rest.collection`: reads a JSON collection from the wired `rest.transport`, page by page (page number,
 * offset, next token or `Link` header), optionally incrementally by a cursor field such as `updated_at`.
 */
export const restCollectionNode = defineNode({
  type: 'rest.collection',
  version: 1,
  category: 'connector',
  channelType: 'rest',
  label: 'REST collection',
  description: 'Reads the records of a JSON API collection, following its pagination; incremental by a cursor field.',
  config: restCollectionConfigSchema,
  inputs: { transport: { socket: 'transport:rest', label: 'API', required: true } },
  outputs: { records: { socket: 'records:json', label: 'Records' } },
  read: (ctx) => readCollection(ctx),
});
