import { createAjv } from '../contract/ajv.ts';
import type { EntityTypeInfo } from '../contract/entity-types.ts';
import { ConfigError } from '../contract/errors.ts';
import type { JsonSchema, ObjectSchema } from '../contract/json-schema.ts';
import { BUILT_IN_ENTITY_TYPES, EntityRegistry } from './registry.ts';

/** A new entity type declared by a project: its label, its JSON Schema and the fields text search looks at. */
export interface EntityTypeDeclaration {
  label: string;
  schema: ObjectSchema;
  searchFields?: string[];
}

/**
 * What `tributary.config.json` says about entities (its `entities` section): extra fields per built-in type
 * (`extend`) and new types (`types`). Both optional; empty means the built-in entity types as they are.
 */
export interface EntityExtensions {
  /** Built-in type → field name → the field's JSON Schema. Fields are added as optional properties. */
  extend?: Record<string, Record<string, JsonSchema>>;
  /** New type id → its declaration. */
  types?: Record<string, EntityTypeDeclaration>;
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TYPE_ID = /^[a-z][A-Za-z0-9]*$/;
const schemaAjv = createAjv({ useDefaults: false });

function fail(field: string, message: string): never {
  throw new ConfigError(`${field}: ${message}`, { field });
}

function checkSchemaCompiles(schema: unknown, field: string): void {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) fail(field, 'must be a JSON Schema object');
  try {
    schemaAjv.compile(schema as object);
  } catch (error) {
    fail(field, `is not a valid JSON Schema: ${(error as Error).message}`);
  }
}

/** The built-in type with its extra fields merged into `properties` (never into `required`). */
function extendType(info: EntityTypeInfo, fields: Record<string, JsonSchema>): EntityTypeInfo {
  const properties = { ...(info.schema.properties ?? {}) } as Record<string, JsonSchema>;
  for (const [name, schema] of Object.entries(fields)) {
    const field = `entities.extend.${info.type}.${name}`;
    if (name in properties) {
      fail(field, `entity type "${info.type}" already has a built-in field "${name}"; built-in fields cannot be redefined, choose another name`);
    }
    if (!FIELD_NAME.test(name)) fail(field, `"${name}" is not a valid field name (letters, digits and "_", not starting with a digit)`);
    checkSchemaCompiles(schema, field);
    properties[name] = schema;
  }
  return { ...info, schema: { ...info.schema, properties } as ObjectSchema, extended: true };
}

function declareType(type: string, declaration: EntityTypeDeclaration, known: Set<string>): EntityTypeInfo {
  const field = `entities.types.${type}`;
  if (known.has(type)) fail(field, `"${type}" is a built-in entity type; add fields to it under entities.extend.${type} instead`);
  if (!TYPE_ID.test(type)) fail(field, `"${type}" is not a valid entity type id (lower camelCase, for example "subscription")`);
  const schema = declaration.schema as ObjectSchema | undefined;
  if (schema?.type !== 'object') fail(`${field}.schema`, 'must be a JSON Schema with "type": "object"');
  checkSchemaCompiles(schema, `${field}.schema`);
  const searchFields = declaration.searchFields ?? [];
  for (const name of searchFields) {
    if (!(name in (schema.properties ?? {}))) fail(`${field}.searchFields`, `"${name}" is not a property of the type's schema`);
  }
  return { type, label: declaration.label, schema, searchFields, extended: true };
}

/**
 * Replaces, anywhere inside `schema`, the sub-schemas that are (by identity) one of the original built-in
 * schemas: persons embed the address schema, orders the order item schema, so their extra fields follow.
 */
function replaceEmbedded(schema: unknown, replacements: Map<unknown, unknown>, top = true): unknown {
  if (!top && replacements.has(schema)) return replacements.get(schema);
  if (Array.isArray(schema)) return schema.map((item) => replaceEmbedded(item, replacements, false));
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, replaceEmbedded(value, replacements, false)]));
}

/**
 * The entity types with a project's extensions applied: built-in types gain optional fields (also where
 * they are embedded, as addresses in persons), new types follow. Throws a `ConfigError` naming the type and
 * field when a built-in field would be redefined, a type is unknown or clashes, or a schema does not compile.
 * @example extendEntityTypes({ extend: { person: { loyaltyTier: { enum: ['gold', 'silver'] } } } })
 */
export function extendEntityTypes(extensions: EntityExtensions = {}, base: readonly EntityTypeInfo[] = BUILT_IN_ENTITY_TYPES): EntityTypeInfo[] {
  const byType = new Map(base.map((info) => [info.type, info]));
  const replacements = new Map<unknown, unknown>();
  for (const [type, fields] of Object.entries(extensions.extend ?? {})) {
    const info = byType.get(type);
    if (!info) {
      fail(`entities.extend.${type}`, `there is no built-in entity type "${type}" (known: ${[...byType.keys()].join(', ')}); declare new types under entities.types`);
    }
    const extended = extendType(info, fields);
    replacements.set(info.schema, extended.schema);
    byType.set(type, extended);
  }
  const types = [...byType.values()].map((info) =>
    replacements.size === 0 ? info : { ...info, schema: replaceEmbedded(info.schema, replacements) as ObjectSchema });
  const known = new Set(byType.keys());
  for (const [type, declaration] of Object.entries(extensions.types ?? {})) types.push(declareType(type, declaration, known));
  return types;
}

/**
 * An `EntityRegistry` of the built-in entity types plus a project's extensions (see `extendEntityTypes`).
 * @example createEntityRegistry(project.entities).get('person')?.schema.properties?.loyaltyTier
 */
export function createEntityRegistry(extensions: EntityExtensions = {}): EntityRegistry {
  return new EntityRegistry(extendEntityTypes(extensions));
}
