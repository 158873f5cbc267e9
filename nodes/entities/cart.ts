import type { FromSchema } from 'json-schema-to-ts';
import { addressSchema } from './address.ts';
import { cartItemSchema } from './cart-item.ts';
import { currency, entityReference, isoDateTime, money } from './common.ts';

/** A shopping cart (Magento quote), open, converted or abandoned. */
export const cartSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    customer: { ...entityReference, description: 'The person the cart belongs to; absent for guests.' },
    customerEmail: { type: 'string' },
    items: { type: 'array', items: cartItemSchema },
    itemsQty: { type: 'string' },
    subTotal: money,
    grandTotal: money,
    taxAmount: money,
    currency: currency,
    status: { type: 'string', description: 'open, converted, expired ...' },
    addresses: { type: 'array', items: addressSchema },
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  },
} as const;

/** A cart. */
export type Cart = FromSchema<typeof cartSchema>;
