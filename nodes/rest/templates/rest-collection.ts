import type { FlowTemplate } from '../../templates/flow-template.ts';
import { personMappingTail } from '../../templates/person-mapping.ts';

const tail = personMappingTail('items', 'to-entity');

/**
 * `rest.collection`: one JSON API collection, paged and incremental by a cursor field, mapped to entities
 * of one type. The wizard asks for the base URL, the authentication, the collection path and the entity
 * type; the field rules are edited on the canvas afterwards.
 */
export const restCollectionTemplate: FlowTemplate = {
  id: 'rest.collection',
  channelType: 'rest',
  label: 'REST collection',
  description: 'Reads one collection of a JSON API page by page (incrementally by a cursor field such as updated_at) into entities of one type.',
  flow: {
    enabled: true,
    schedule: { cron: '*/30 * * * *', timezone: 'UTC' },
    nodes: [
      { id: 'api', type: 'rest.transport', version: 1, config: { authType: 'none' }, position: { x: 0, y: 0 } },
      { id: 'items', type: 'rest.collection', version: 1, config: { pagination: 'page', recordsPath: '' }, position: { x: 300, y: 0 } },
      ...tail.nodes,
    ],
    connections: [
      { from: { node: 'api', port: 'transport' }, to: { node: 'items', port: 'transport' } },
      ...tail.connections,
    ],
  },
  parameters: [
    { nodeId: 'api', field: 'baseUrl', label: 'Base URL', required: true, description: 'For example https://api.example.com/v1.' },
    { nodeId: 'api', field: 'authType', label: 'Authentication', description: 'none, basic, bearer or apiKey.' },
    { nodeId: 'api', field: 'token', label: 'Bearer token', secret: true },
    { nodeId: 'items', field: 'path', label: 'Collection path', required: true, description: 'Under the base URL, for example "customers".' },
    { nodeId: 'items', field: 'recordsPath', label: 'Records at', description: 'Where the array sits in the reply, for example "data"; empty: the body is the array.' },
    { nodeId: 'items', field: 'cursorField', label: 'Cursor field', description: 'For incremental reads, for example "updated_at".' },
    { nodeId: 'items', field: 'cursorParam', label: 'Cursor parameter', description: 'The query parameter that sends the cursor, for example "updated_since".' },
    { nodeId: 'to-entity', field: 'entityType', label: 'Entity type', required: true },
    { nodeId: 'to-entity', field: 'originId', label: 'Id field', required: true },
  ],
};
