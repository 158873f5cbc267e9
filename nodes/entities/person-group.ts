import type { FromSchema } from 'json-schema-to-ts';

/** A group of persons (Magento's customer group). */
export const personGroupSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1 } },
} as const;

/** A person group. */
export type PersonGroup = FromSchema<typeof personGroupSchema>;
