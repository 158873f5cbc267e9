import type { ValidateFunction } from 'ajv';
import { createAjv } from '../contract/ajv.ts';
import type { EntityTypeInfo, EntityTypes } from '../contract/entity-types.ts';
import { addressSchema } from './address.ts';
import { cartItemSchema } from './cart-item.ts';
import { cartSchema } from './cart.ts';
import { orderItemSchema } from './order-item.ts';
import { orderSchema } from './order.ts';
import { personGroupSchema } from './person-group.ts';
import { personSchema } from './person.ts';
import { productSchema } from './product.ts';

/** The business entities every channel maps into, as OroPlatform defines them. */
export const BUILT_IN_ENTITY_TYPES: readonly EntityTypeInfo[] = [
  { type: 'person', label: 'Persons', schema: personSchema, searchFields: ['firstName', 'lastName', 'email'] },
  { type: 'personGroup', label: 'Person groups', schema: personGroupSchema, searchFields: ['name'] },
  { type: 'address', label: 'Addresses', schema: addressSchema, searchFields: ['street', 'city', 'postalCode', 'organization'] },
  { type: 'product', label: 'Products', schema: productSchema, searchFields: ['name', 'sku'] },
  { type: 'order', label: 'Orders', schema: orderSchema, searchFields: ['incrementId', 'customerEmail'] },
  { type: 'orderItem', label: 'Order items', schema: orderItemSchema, searchFields: ['name', 'sku'] },
  { type: 'cart', label: 'Carts', schema: cartSchema, searchFields: ['customerEmail'] },
  { type: 'cartItem', label: 'Cart items', schema: cartItemSchema, searchFields: ['name', 'sku'] },
] as EntityTypeInfo[];

export type { EntityTypeInfo } from '../contract/entity-types.ts';

/**
 * Validates entity data against the entity types' schemas (built-in and extended). Data objects that passed
 * are remembered (by identity), so the store's last check of what a mapper already checked costs nothing.
 */
export class EntityRegistry implements EntityTypes {
  private readonly types = new Map<string, EntityTypeInfo>();
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly ajv = createAjv({ useDefaults: false });
  private readonly valid = new WeakSet<object>();

  constructor(types: readonly EntityTypeInfo[] = BUILT_IN_ENTITY_TYPES) {
    for (const info of types) this.types.set(info.type, info);
  }

  /** Every entity type, built-in first. */
  list(): EntityTypeInfo[] {
    return [...this.types.values()];
  }

  /** The type's info, or undefined when there is no such entity type. */
  get(type: string): EntityTypeInfo | undefined {
    return this.types.get(type);
  }

  /** Returns why `data` is not a valid `type` entity, or undefined when it is. */
  check(type: string, data: unknown): string | undefined {
    if (typeof data === 'object' && data !== null && this.valid.has(data)) return undefined;
    const info = this.types.get(type);
    if (!info) return `unknown entity type "${type}"`;
    let validate = this.validators.get(type);
    if (!validate) {
      validate = this.ajv.compile(info.schema);
      this.validators.set(type, validate);
    }
    if (validate(data)) {
      if (typeof data === 'object' && data !== null) this.valid.add(data);
      return undefined;
    }
    return (validate.errors ?? [])
      .map((error) => `${type}${error.instancePath.replace(/\//g, '.')} ${error.message ?? 'is invalid'}${
        error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : ''}`)
      .join('; ');
  }

  /** The text a search for this entity matches: its search fields joined, lower-cased. */
  searchText(type: string, data: Record<string, unknown>): string {
    const fields = this.types.get(type)?.searchFields ?? [];
    return fields
      .map((field) => data[field])
      .filter((value): value is string => typeof value === 'string')
      .join(' ')
      .toLowerCase();
  }
}
