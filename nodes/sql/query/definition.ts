import { defineNode } from '../../contract/define-node.ts';
import { sqlQueryConfigSchema } from './config-schema.ts';
import { readQuery } from './read-query.ts';

/**
 * `sql.query`: runs one read-only query on the wired `sql.transport` and streams its rows as JSON records,
 * incrementally by a cursor column when the query uses `:cursor`.
 */
export const sqlQueryNode = defineNode({
  type: 'sql.query',
  version: 1,
  category: 'connector',
  channelType: 'sql',
  label: 'SQL query',
  description: 'Streams the rows of a SELECT as records; incremental by a cursor column (:cursor). Refuses statements that write.',
  config: sqlQueryConfigSchema,
  inputs: { transport: { socket: 'transport:sql', label: 'Database', required: true } },
  outputs: { records: { socket: 'records:json', label: 'Rows' } },
  read: (ctx) => readQuery(ctx),
});
