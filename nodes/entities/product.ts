import type { FromSchema } from 'json-schema-to-ts';
import { currency, isoDateTime, money } from './common.ts';

/** A product of a channel's catalogue. */
export const productSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string' },
    sku: { type: 'string' },
    type: { type: 'string', description: 'simple, configurable, virtual, downloadable, grouped, bundle ...' },
    cost: money,
    price: money,
    currency: currency,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  },
} as const;

/** A product. */
export type Product = FromSchema<typeof productSchema>;
