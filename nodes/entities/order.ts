import type { FromSchema } from 'json-schema-to-ts';
import { addressSchema } from './address.ts';
import { currency, entityReference, isoDateTime, money, percent } from './common.ts';
import { orderItemSchema } from './order-item.ts';

/** An order with its items and addresses. */
export const orderSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    customer: { ...entityReference, description: 'The person who ordered; absent for guest orders.' },
    customerEmail: { type: 'string' },
    incrementId: { type: 'string' },
    currency: currency,
    paymentMethod: { type: 'string' },
    paymentDetails: { type: 'string' },
    subtotalAmount: money,
    shippingAmount: money,
    shippingMethod: { type: 'string' },
    taxAmount: money,
    discountAmount: money,
    discountPercent: percent,
    totalAmount: money,
    status: { type: 'string' },
    addresses: { type: 'array', items: addressSchema },
    items: { type: 'array', items: orderItemSchema },
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  },
} as const;

/** An order. */
export type Order = FromSchema<typeof orderSchema>;
