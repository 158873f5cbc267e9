import type { EntityInput } from '../../contract/batch.ts';
import type { Address } from '../../entities/address.ts';
import type { Cart } from '../../entities/cart.ts';
import type { CartItem } from '../../entities/cart-item.ts';
import { mapAddress } from '../mapping/address.ts';
import { originIdOf } from '../mapping/map-each.ts';
import { compact, decimal, email, isoTime, money, text } from '../mapping/values.ts';
import type { MagentoCart, MagentoCartItem } from '../wire/records.ts';

/** Address fields that say something; a quote's empty addresses carry only ids, type and flags. */
const ADDRESS_CONTENT = ['street', 'city', 'postcode', 'country_id', 'firstname', 'lastname', 'company', 'telephone'];

function addressesOf(cart: MagentoCart): Address[] {
  const hasContent = (address: MagentoCart['billing_address']) => !!address && ADDRESS_CONTENT.some((field) => text(address[field]));
  const billing = hasContent(cart.billing_address) ? mapAddress(cart.billing_address, { types: ['billing'] }) : undefined;
  const shipping = hasContent(cart.shipping_address) ? mapAddress(cart.shipping_address, { types: ['shipping'] }) : undefined;
  return [billing, shipping].filter((address): address is Address => address !== undefined);
}

function mapItem(item: MagentoCartItem, index: number): CartItem {
  const at = `items[${index}]`;
  return compact<CartItem>({
    originId: text(item.item_id), parentOriginId: text(item.parent_item_id), sku: text(item.sku), name: text(item.name),
    productType: text(item.product_type), qty: decimal(item.qty, `${at}.qty`), price: money(item.price, `${at}.price`),
    discountAmount: money(item.discount_amount, `${at}.discount_amount`), taxPercent: decimal(item.tax_percent, `${at}.tax_percent`, true),
    weight: decimal(item.weight, `${at}.weight`), createdAt: isoTime(item.created_at), updatedAt: isoTime(item.updated_at),
  });
}

/**
 * The cart's status: `open` while the quote is active; `converted` once inactive with a reserved order id (checked
 * out); `inactive` otherwise (deactivated, or replaced by another quote).
 */
function statusOf(cart: MagentoCart): string {
  if (cart.is_active !== 0) return 'open';
  return text(cart.reserved_order_id) ? 'converted' : 'inactive';
}

/**
 * A Magento quote (shoppingCartInfo) as a cart entity, keyed by `quote_id`: lines with their configurable parents
 * (quotes do have parent_item_id), amounts with 4 places, the quote's currency, guest carts without `customer`.
 */
export function mapCart(cart: MagentoCart): EntityInput<Cart> {
  const customerId = text(cart.customer_id);
  const guest = cart.customer_is_guest === '1' || customerId === undefined || customerId === '0';
  const data = compact<Cart>({
    customer: guest ? undefined : { originId: customerId },
    customerEmail: email(cart.customer_email),
    items: (Array.isArray(cart.items) ? cart.items : []).map(mapItem),
    itemsQty: decimal(cart.items_qty, 'items_qty'),
    subTotal: money(cart.subtotal, 'subtotal'),
    grandTotal: money(cart.grand_total, 'grand_total'),
    currency: text(cart.quote_currency_code)?.toUpperCase(),
    status: statusOf(cart),
    addresses: addressesOf(cart),
    createdAt: isoTime(cart.created_at),
    updatedAt: isoTime(cart.updated_at),
  });
  return { type: 'cart', originId: originIdOf(cart.quote_id, 'quote_id'), data };
}
