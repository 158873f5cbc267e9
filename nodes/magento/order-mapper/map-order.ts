import type { EntityInput } from '../../contract/batch.ts';
import type { Address } from '../../entities/address.ts';
import type { Order } from '../../entities/order.ts';
import { mapAddress } from '../mapping/address.ts';
import { originIdOf } from '../mapping/map-each.ts';
import { compact, email, isoTime, money, text } from '../mapping/values.ts';
import type { MagentoOrder } from '../wire/records.ts';
import { mapOrderItems } from './map-order-items.ts';

function addressesOf(order: MagentoOrder): Address[] {
  const billing = mapAddress(order.billing_address, { types: ['billing'] });
  const shipping = mapAddress(order.shipping_address, { types: ['shipping'] });
  return [billing, shipping].filter((address): address is Address => address !== undefined);
}

/** `VI ****3171` for a card, `PO 4711` for a purchase order, else nothing (the method says the rest). */
function paymentDetails(payment: MagentoOrder['payment']): string | undefined {
  const last4 = text(payment?.cc_last4);
  if (last4) return `${text(payment?.cc_type) ?? 'card'} ****${last4}`;
  const po = text(payment?.po_number);
  return po ? `PO ${po}` : undefined;
}

/**
 * A Magento order (salesOrderInfo) as an order entity, keyed by `increment_id`. Registered customers are referenced
 * by `customer_id`; guest orders and orders of deleted customers have no `customer` but keep `customerEmail`.
 * Virtual orders have only a billing address. Money keeps Magento's 4 places and signs: `discountAmount` is negative
 * (`"-14.1000"`), so subtotal + shipping + tax + discount = total.
 */
export function mapOrder(order: MagentoOrder): EntityInput<Order> {
  const customerId = text(order.customer_id);
  const data = compact<Order>({
    customer: customerId ? { originId: customerId } : undefined,
    customerEmail: email(order.customer_email),
    incrementId: text(order.increment_id),
    currency: text(order.order_currency_code)?.toUpperCase(),
    paymentMethod: text(order.payment?.method),
    paymentDetails: paymentDetails(order.payment),
    subtotalAmount: money(order.subtotal, 'subtotal'),
    shippingAmount: money(order.shipping_amount, 'shipping_amount'),
    shippingMethod: text(order.shipping_method),
    taxAmount: money(order.tax_amount, 'tax_amount'),
    discountAmount: money(order.discount_amount, 'discount_amount'),
    totalAmount: money(order.grand_total, 'grand_total'),
    status: text(order.status),
    addresses: addressesOf(order),
    items: mapOrderItems(Array.isArray(order.items) ? order.items : []),
    createdAt: isoTime(order.created_at),
    updatedAt: isoTime(order.updated_at),
  });
  return { type: 'order', originId: originIdOf(order.increment_id, 'increment_id'), data };
}
