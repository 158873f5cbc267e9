import type { FromSchema } from 'json-schema-to-ts';
import { isoDateTime, money, percent, quantity } from './common.ts';

/** One line of a shopping cart. */
export const cartItemSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    originId: { type: 'string' },
    parentOriginId: { type: 'string' },
    sku: { type: 'string' },
    name: { type: 'string' },
    productType: { type: 'string' },
    qty: quantity,
    price: money,
    discountAmount: money,
    taxPercent: percent,
    weight: { type: 'string', pattern: '^\\d+(\\.\\d{1,4})?$' },
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  },
} as const;

/** A cart line. */
export type CartItem = FromSchema<typeof cartItemSchema>;
