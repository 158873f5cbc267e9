/**
 * How a JSON Schema becomes a form field: which input kind, label, help text and default. Only the shapes
 * node configs use are given their own inputs; anything else is edited as JSON.
 */

/** A JSON Schema object as the form reads it (booleans schemas and `$ref`s end up as `json`). */
export interface FieldSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  writeOnly?: boolean;
  readOnly?: boolean;
  properties?: Record<string, FieldSchema>;
  required?: string[];
  additionalProperties?: boolean | FieldSchema;
  items?: FieldSchema | FieldSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  examples?: unknown[];
}

/** The input a schema is edited with. */
export type FieldKind =
  | 'string' | 'number' | 'integer' | 'boolean' | 'enum'
  | 'object' | 'map' | 'array-scalar' | 'array-object' | 'json';

/** The one type of a schema, ignoring `null` in a type list. */
export function primaryType(schema: FieldSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null');
  return schema.type;
}

/** True for kinds edited with one input (and so may come from an environment variable). */
export function isScalarKind(kind: FieldKind): boolean {
  return kind === 'string' || kind === 'number' || kind === 'integer' || kind === 'boolean' || kind === 'enum';
}

/**
 * The kind of field a schema gets.
 * @example fieldKind({ type: 'array', items: { type: 'string' } }) // 'array-scalar'
 */
export function fieldKind(schema: FieldSchema): FieldKind {
  if (Array.isArray(schema.enum) && schema.enum.every((value) => ['string', 'number', 'boolean'].includes(typeof value))) return 'enum';
  const type = primaryType(schema);
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') return type;
  if (type === 'object') {
    if (schema.properties) return 'object';
    if (typeof schema.additionalProperties === 'object' && isScalarKind(fieldKind(schema.additionalProperties))) return 'map';
    return 'json';
  }
  if (type === 'array' && schema.items && !Array.isArray(schema.items)) {
    const item = fieldKind(schema.items);
    if (isScalarKind(item)) return 'array-scalar';
    if (item === 'object') return 'array-object';
  }
  return 'json';
}

/**
 * A field's label: the schema title, else the property name in words.
 * @example fieldLabel('apiKey', {}) // 'Api key'
 */
export function fieldLabel(name: string, schema: FieldSchema): string {
  if (schema.title) return schema.title;
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A default shown to the user: JSON for objects and arrays, the value itself otherwise. */
export function describeDefault(schema: FieldSchema): string | undefined {
  if (schema.default === undefined) return undefined;
  return typeof schema.default === 'string' ? schema.default : JSON.stringify(schema.default);
}

/** A fresh value for a new array item or map entry of `schema`. */
export function emptyValue(schema: FieldSchema): unknown {
  if (schema.default !== undefined) return structuredClone(schema.default);
  const kind = fieldKind(schema);
  if (kind === 'object') return {};
  if (kind === 'boolean') return false;
  if (kind === 'number' || kind === 'integer') return 0;
  if (kind === 'enum') return schema.enum?.[0];
  if (kind === 'array-scalar' || kind === 'array-object') return [];
  return '';
}
