import type { FromSchema } from 'json-schema-to-ts';

/** The value conversions a field rule may apply, in the order given. */
export const COERCIONS = ['trim', 'lower', 'upper', 'number', 'integer', 'decimal', 'date', 'datetime', 'boolean', 'string'] as const;

/** One conversion step. */
export type Coercion = (typeof COERCIONS)[number];

const coercion = { enum: COERCIONS } as const;

/** One field rule: where the value comes from (exactly one of source, value, template) and where it goes. */
export const fieldRuleSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['target'],
  properties: {
    target: {
      type: 'string',
      pattern: '^[A-Za-z_$][\\w$]*(\\.([A-Za-z_$][\\w$]*|\\d+))*$',
      description: 'Dotted path in the entity data, for example "email", "phones.0" or "addresses.0.city".',
    },
    source: { type: 'string', minLength: 1, description: 'Dotted path in the record; indices allowed ("phones.0").' },
    value: { description: 'A constant.' },
    template: { type: 'string', description: 'Text with {path} placeholders, for example "{firstName} {lastName}".' },
    coerce: {
      anyOf: [coercion, { type: 'array', items: coercion, minItems: 1 }],
      description: 'Conversion(s) applied in order, for example "date" or ["trim", "lower"].',
    },
    scale: { type: 'integer', minimum: 0, maximum: 4, description: 'Decimal places of a "decimal" (default: as given, at most 4).' },
    required: { type: 'boolean', default: false, description: 'Reject the record when the value is empty.' },
  },
  oneOf: [{ required: ['source'] }, { required: ['value'] }, { required: ['template'] }],
} as const;

/** The `core.field-mapper` config schema. */
export const fieldMapperConfigSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['entityType', 'originId', 'fields'],
  properties: {
    entityType: { type: 'string', minLength: 1, title: 'Entity type', description: 'For example "person" or "product".' },
    originId: { type: 'string', minLength: 1, title: 'Id field', description: 'Dotted path of the record\'s id in the outside system.' },
    fields: { type: 'array', items: fieldRuleSchema, title: 'Fields' },
  },
} as const;

/** A field rule as the config holds it. */
export type FieldRule = FromSchema<typeof fieldRuleSchema>;

/** The validated `core.field-mapper` config. */
export type FieldMapperConfig = FromSchema<typeof fieldMapperConfigSchema>;
