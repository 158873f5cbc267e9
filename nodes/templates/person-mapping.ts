import type { FlowConnection, FlowNode } from '../contract/flow-file.ts';

/**
 * The tail most generic templates share: a `core.field-mapper` that starts with the usual person columns
 * (first_name, last_name, email; edited on the canvas afterwards) and a `core.entity-store`, wired after the
 * record source `sourceId` (its `records` port). Placed to the right of the source at x = 600 and 900.
 */
export function personMappingTail(sourceId: string, mapperId: string): { nodes: FlowNode[]; connections: FlowConnection[] } {
  return {
    nodes: [
      {
        id: mapperId,
        type: 'core.field-mapper',
        version: 1,
        position: { x: 600, y: 0 },
        config: {
          entityType: 'person',
          originId: 'id',
          fields: [
            { target: 'firstName', source: 'first_name', coerce: 'trim' },
            { target: 'lastName', source: 'last_name', coerce: 'trim' },
            { target: 'email', source: 'email', coerce: ['trim', 'lower'] },
          ],
        },
      },
      { id: 'store', type: 'core.entity-store', version: 1, config: {}, position: { x: 900, y: 0 } },
    ],
    connections: [
      { from: { node: sourceId, port: 'records' }, to: { node: mapperId, port: 'records' } },
      { from: { node: mapperId, port: 'entities' }, to: { node: 'store', port: 'entities' } },
    ],
  };
}
