/** Which fields of an entity a table shows. */
import type { ObjectSchema } from '../../../nodes/contract/json-schema.ts';

const SKIPPED = new Set(['createdAt', 'updatedAt']);

/**
 * Up to `limit` top-level scalar fields of an entity schema, in schema order: what a row can show.
 * @example summaryFields(personSchema) // ['namePrefix', 'firstName', 'middleName', 'lastName']
 */
export function summaryFields(schema: ObjectSchema, limit = 4, preferred: readonly string[] = []): string[] {
  const properties = (schema.properties ?? {}) as Record<string, { type?: unknown; enum?: unknown }>;
  const scalar = Object.entries(properties)
    .filter(([name, property]) => !SKIPPED.has(name) && (['string', 'number', 'integer'].includes(String(property.type)) || property.enum))
    .map(([name]) => name);
  const first = preferred.filter((name) => scalar.includes(name));
  return [...first, ...scalar.filter((name) => !first.includes(name))].slice(0, limit);
}

/** Fields worth showing first for the built-in entity types. */
export const PREFERRED_FIELDS: Record<string, string[]> = {
  person: ['firstName', 'lastName', 'email'],
  personGroup: ['name'],
  address: ['street', 'city', 'postalCode', 'country'],
  product: ['sku', 'name', 'price'],
  order: ['incrementId', 'customerEmail', 'status', 'grandTotal'],
  orderItem: ['sku', 'name', 'quantity'],
  cart: ['customerEmail', 'grandTotal'],
  cartItem: ['sku', 'name', 'quantity'],
};

/** A cell's text. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
