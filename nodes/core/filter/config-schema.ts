import type { FromSchema } from 'json-schema-to-ts';

/** The comparison operators a condition may use. */
export const FILTER_OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'startsWith', 'endsWith', 'matches', 'exists', 'empty', 'in'] as const;

/** One comparison operator. */
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** The `core.filter` config schema. */
export const filterConfigSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['conditions'],
  properties: {
    mode: {
      enum: ['all', 'any'],
      default: 'all',
      title: 'Match',
      description: '"all": every condition must hold; "any": at least one.',
    },
    conditions: {
      type: 'array',
      title: 'Conditions',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'op'],
        properties: {
          path: { type: 'string', minLength: 1, description: 'Dotted path in the record, for example "address.country".' },
          op: { enum: FILTER_OPERATORS },
          value: {
            description: 'What to compare with: a regular expression for "matches", a list for "in", '
              + 'true/false for "exists" and "empty" (default true).',
          },
          flags: { type: 'string', pattern: '^[imsu]*$', description: 'Regular expression flags for "matches", for example "i".' },
        },
      },
    },
  },
} as const;

/** The validated `core.filter` config. */
export type FilterConfig = FromSchema<typeof filterConfigSchema>;

/** One condition as the config holds it. */
export type FilterCondition = FilterConfig['conditions'][number];
