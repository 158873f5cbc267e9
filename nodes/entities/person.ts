import type { FromSchema } from 'json-schema-to-ts';
import { addressSchema } from './address.ts';
import { isoDate, isoDateTime, personNameProperties } from './common.ts';

/** A person (Oro's contact / customer): the entity every channel's customers become. */
export const personSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...personNameProperties,
    gender: { enum: ['male', 'female', 'other'] },
    birthday: isoDate,
    email: { type: 'string', format: 'email' },
    phones: { type: 'array', items: { type: 'string' } },
    addresses: { type: 'array', items: addressSchema },
    groupIds: { type: 'array', items: { type: 'string' }, description: 'Origin ids of personGroup entities of the same channel.' },
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  },
} as const;

/** A person. */
export type Person = FromSchema<typeof personSchema>;
