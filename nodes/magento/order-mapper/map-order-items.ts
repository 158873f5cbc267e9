import type { OrderItem } from '../../entities/order-item.ts';
import { compact, decimal, money, text } from '../mapping/values.ts';
import type { MagentoOrderItem } from '../wire/records.ts';

/**
 * Infers each child line's configurable parent. salesOrderItemEntity has no parent_item_id, but Magento writes a
 * configurable product as two lines in a row: the parent (type configurable, carrying the price and the child's sku)
 * and then the child simple product with price 0 and the same sku. Such a child gets the parent's item_id.
 */
function parentIds(items: readonly MagentoOrderItem[]): Map<MagentoOrderItem, string> {
  const parents = new Map<MagentoOrderItem, string>();
  let open: MagentoOrderItem | undefined;
  for (const item of items) {
    if (item.product_type === 'configurable') {
      open = item;
      continue;
    }
    const isChild = open !== undefined && open.item_id !== undefined && text(item.sku) === text(open.sku) && Number(item.price ?? 0) === 0;
    if (isChild && open?.item_id) parents.set(item, open.item_id);
    open = undefined;
  }
  return parents;
}

/**
 * The order's lines. Amounts keep Magento's 4 places; a line's `discountAmount` is positive, as Magento stores it on
 * items (the order's own `discount_amount` is negative). Both parent and child lines of a configurable product are
 * kept, the child with `parentOriginId` when it can be inferred.
 */
export function mapOrderItems(items: readonly MagentoOrderItem[]): OrderItem[] {
  const parents = parentIds(items);
  return items.map((item, index) => compact<OrderItem>({
    originId: text(item.item_id) ?? String(index + 1),
    name: text(item.name),
    sku: text(item.sku),
    productType: text(item.product_type),
    parentOriginId: parents.get(item),
    qty: decimal(item.qty_ordered, `items[${index}].qty_ordered`),
    cost: money(item.base_cost, `items[${index}].base_cost`),
    price: money(item.price, `items[${index}].price`),
    weight: decimal(item.weight, `items[${index}].weight`),
    taxPercent: decimal(item.tax_percent, `items[${index}].tax_percent`, true),
    taxAmount: money(item.tax_amount, `items[${index}].tax_amount`),
    discountPercent: decimal(item.discount_percent, `items[${index}].discount_percent`, true),
    discountAmount: money(item.discount_amount, `items[${index}].discount_amount`),
    rowTotal: money(item.row_total, `items[${index}].row_total`),
  }));
}
