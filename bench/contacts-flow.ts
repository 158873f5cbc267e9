import path from 'node:path';
import type { Flow } from '../nodes/contract/flow-file.ts';

/** The benchmark flow: file.jsonl → core.field-mapper(person) → core.entity-store over one JSONL file. */
export function contactsBenchFlow(jsonlFile: string): Flow {
  return {
    schemaVersion: 1,
    id: 'bench-contacts',
    name: 'Benchmark: contacts JSONL to persons',
    settings: { batchSize: 1000 },
    nodes: [
      { id: 'files', type: 'file.transport', version: 1, config: { baseDir: path.dirname(jsonlFile) } },
      { id: 'contacts', type: 'file.jsonl', version: 1, config: { glob: path.basename(jsonlFile) } },
      {
        id: 'to-person', type: 'core.field-mapper', version: 1,
        config: {
          entityType: 'person', originId: 'id',
          fields: [
            { target: 'firstName', source: 'first_name', coerce: 'trim' },
            { target: 'lastName', source: 'last_name', coerce: 'trim' },
            { target: 'email', source: 'email', coerce: ['trim', 'lower'] },
            { target: 'phones.0', source: 'phone' },
            { target: 'birthday', source: 'birthday', coerce: 'date' },
            { target: 'addresses.0.street', source: 'street' },
            { target: 'addresses.0.city', source: 'city' },
            { target: 'addresses.0.postalCode', source: 'zip' },
            { target: 'addresses.0.country', source: 'country' },
            { target: 'createdAt', source: 'created_at', coerce: 'datetime' },
          ],
        },
      },
      { id: 'store', type: 'core.entity-store', version: 1, config: {} },
    ],
    connections: [
      { from: { node: 'files', port: 'transport' }, to: { node: 'contacts', port: 'transport' } },
      { from: { node: 'contacts', port: 'records' }, to: { node: 'to-person', port: 'records' } },
      { from: { node: 'to-person', port: 'entities' }, to: { node: 'store', port: 'entities' } },
    ],
  };
}
