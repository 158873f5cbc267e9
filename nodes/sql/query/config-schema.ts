import type { FromSchema } from 'json-schema-to-ts';

/** The `sql.query` config schema. */
export const sqlQueryConfigSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['query'],
  properties: {
    query: {
      type: 'string',
      minLength: 1,
      title: 'SQL',
      description: 'One SELECT (or WITH, VALUES, TABLE, SHOW). For incremental reads use :cursor, for example "SELECT * FROM orders WHERE updated_at > :cursor ORDER BY updated_at".',
    },
    cursorColumn: {
      type: 'string',
      minLength: 1,
      title: 'Cursor column',
      description: 'Column of the result whose last value is saved and bound to :cursor on the next run; the query must ORDER BY it.',
    },
    initialCursor: { type: ['string', 'number'], title: 'Initial cursor', description: 'Bound to :cursor on the first (or a full) run; empty: NULL.' },
    batchSize: { type: 'integer', minimum: 1, maximum: 100000, title: 'Batch size', description: 'Rows fetched and handed on at a time; default: the flow\'s batch size.' },
  },
} as const;

/** The validated `sql.query` config. */
export type SqlQueryConfig = FromSchema<typeof sqlQueryConfigSchema>;

/** What `sql.query` keeps between runs: the cursor column's value in the last row stored. */
export interface SqlQueryState {
  cursor: string | number;
}
