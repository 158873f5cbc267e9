import type { FromSchema } from 'json-schema-to-ts';
import { money, percent, quantity } from './common.ts';

/** One line of an order. */
export const orderItemSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    originId: { type: 'string' },
    name: { type: 'string' },
    sku: { type: 'string' },
    productType: { type: 'string' },
    parentOriginId: { type: 'string', description: 'The configurable parent line, when known.' },
    qty: quantity,
    cost: money,
    price: money,
    weight: { type: 'string', pattern: '^\\d+(\\.\\d{1,4})?$' },
    taxPercent: percent,
    taxAmount: money,
    discountPercent: percent,
    discountAmount: money,
    rowTotal: money,
  },
} as const;

/** An order line. */
export type OrderItem = FromSchema<typeof orderItemSchema>;
