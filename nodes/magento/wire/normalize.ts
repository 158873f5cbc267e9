import { fieldType, isScalarType, type ScalarType, type TypeRef } from './wsdl-types.ts';

/**
 * The one place where Magento's wire formats become plain data. node-soap hands replies over in several shapes,
 * depending on the server and the WSDL variant:
 * - scalars as plain strings (node-soap servers), or wrapped `{ $attributes: { 'xsi:type' }, $value }` (PHP, i.e. Magento);
 * - arrays as `{ item: [...] }` or `{ item: {...} }` (one element), `{ complexObjectArray: [...] }` (WS-I), `null` or
 *   `{ $attributes }` alone (empty), or a bare array;
 * - structs with null fields left out, and empty structs (`shipping_address` of a virtual order) as `null` / `{ $attributes }`.
 * `normalize` coerces every value to the type the WSDL declares for it (see wsdl-types.ts), so connectors and mappers
 * see one shape in every mode: numbers for `xsd:int`/`xsd:double`, booleans for `xsd:boolean`, strings otherwise, arrays
 * always as arrays, absent fields and empty structs as `undefined`.
 */

type Plain = Record<string, unknown>;

/** Keys node-soap uses for XML attributes (ours is `$attributes`; `attributes` is node-soap's default). */
const ATTRIBUTE_KEYS = new Set(['$attributes', 'attributes']);
const ARRAY_KEYS = ['item', 'complexObjectArray'];

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function contentKeys(value: Plain): string[] {
  return Object.keys(value).filter((key) => !ATTRIBUTE_KEYS.has(key));
}

/** `{ $attributes, $value: x }` → x; anything else as it is. */
function unwrap(value: unknown): unknown {
  return isPlainObject(value) && '$value' in value ? value.$value : value;
}

/** Coerces one scalar. A value that does not fit its type is kept as its string, never dropped. */
export function coerceScalar(value: unknown, type: ScalarType): string | number | boolean | undefined {
  const raw = unwrap(value);
  if (raw === null || raw === undefined || typeof raw === 'object') return undefined;
  switch (type) {
    case 'int':
    case 'double': {
      if (typeof raw === 'number') return raw;
      const text = String(raw).trim();
      const number = Number(text);
      return text !== '' && Number.isFinite(number) ? number : String(raw);
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const text = String(raw).trim().toLowerCase();
      if (text === 'true' || text === '1') return true;
      if (text === 'false' || text === '0' || text === '') return false;
      return String(raw);
    }
    default:
      return String(raw);
  }
}

/** The members of a SOAP array in any of its wire shapes. */
export function arrayItems(value: unknown): unknown[] {
  const raw = unwrap(value);
  if (raw === null || raw === undefined || raw === '') return [];
  if (Array.isArray(raw)) return raw;
  if (!isPlainObject(raw)) return [raw];
  const keys = contentKeys(raw);
  if (keys.length === 0) return [];
  const arrayKey = ARRAY_KEYS.find((key) => keys.length === 1 && keys[0] === key);
  if (arrayKey) {
    const items = raw[arrayKey];
    if (items === null || items === undefined) return [];
    return Array.isArray(items) ? items : [items];
  }
  return [raw];
}

function normalizeStruct(value: unknown, struct: string): Plain | undefined {
  const raw = unwrap(value);
  if (!isPlainObject(raw)) return undefined;
  const keys = contentKeys(raw);
  if (keys.length === 0) return undefined;
  const out: Plain = {};
  for (const key of keys) {
    const normalized = normalize(raw[key], fieldType(struct, key));
    if (normalized !== undefined) out[key] = normalized;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/**
 * Coerces a decoded SOAP value to the WSDL type `type` (`int`, `customerCustomerEntity`, `salesOrderItemEntity[]` …).
 * @example normalize({ item: { customer_id: { $value: 7 } } }, 'customerCustomerEntity[]') // [{ customer_id: 7 }]
 * @example normalize(null, 'storeEntity[]') // []
 */
export function normalize(value: unknown, type: TypeRef): unknown {
  if (type.endsWith('[]')) {
    const itemType = type.slice(0, -2);
    return arrayItems(value)
      .map((item) => normalize(item, itemType))
      .filter((item) => item !== undefined);
  }
  if (isScalarType(type)) return coerceScalar(value, type);
  return normalizeStruct(value, type);
}
