import type { FromSchema } from 'json-schema-to-ts';
import { country, personNameProperties } from './common.ts';

/** A postal address (Oro's AbstractAddress): embedded in persons, orders and carts. */
export const addressSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    label: { type: 'string' },
    street: { type: 'string' },
    street2: { type: 'string' },
    city: { type: 'string' },
    postalCode: { type: 'string' },
    country: country,
    region: { type: 'string', description: 'Region code, for example "CA" or "BY".' },
    regionText: { type: 'string', description: 'Region name when there is no code.' },
    organization: { type: 'string' },
    names: { type: 'object', additionalProperties: false, properties: personNameProperties },
    phone: { type: 'string' },
    types: { type: 'array', items: { enum: ['billing', 'shipping'] }, uniqueItems: true },
    primary: { type: 'boolean' },
  },
} as const;

/** A postal address. */
export type Address = FromSchema<typeof addressSchema>;
