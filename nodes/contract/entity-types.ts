import type { ObjectSchema } from './json-schema.ts';

/** One entity type: its schema, label and the fields text search looks at. */
export interface EntityTypeInfo {
  type: string;
  label: string;
  schema: ObjectSchema;
  /** Top-level fields whose text is searchable (names, e-mail, sku, increment id). */
  searchFields: string[];
  /** True for types (or built-in types with fields) added by `tributary.config.json`. */
  extended?: boolean;
}

/** The entity types of this installation, built-in and extended, as nodes see them in their context. */
export interface EntityTypes {
  /** The type's info, or undefined when there is no such entity type. */
  get(type: string): EntityTypeInfo | undefined;
  /** Every entity type, built-in first. */
  list(): EntityTypeInfo[];
  /** Why `data` is not a valid entity of `type`, or undefined when it is. */
  check(type: string, data: unknown): string | undefined;
}
