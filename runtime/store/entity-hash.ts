import { createHash } from 'node:crypto';

/**
 * The canonical JSON of a value: `JSON.stringify` semantics (undefined and functions dropped from objects,
 * `null` in arrays, `toJSON` honoured, non-finite numbers as `null`) with object keys sorted recursively,
 * so two objects with the same content always give the same text.
 * Throws a `TypeError` for a BigInt or a circular structure.
 *
 * @example canonicalJson({ b: 1, a: [true, { d: null, c: 'x' }] }) // '{"a":[true,{"c":"x","d":null}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return writeValue(value, []) ?? 'null';
}

/**
 * sha256 (hex) of the canonical JSON of an entity's `data`: equal content, equal hash, whatever the key order.
 *
 * @example hashEntity({ firstName: 'Ada' }) === hashEntity({ ...{ firstName: 'Ada' } })
 */
export function hashEntity(data: unknown): string {
  return serializeEntity(data).hash;
}

/** The canonical JSON of an entity's data and its hash, computed once (what the stores write). */
export function serializeEntity(data: unknown): { json: string; hash: string } {
  const json = canonicalJson(data);
  return { json, hash: createHash('sha256').update(json).digest('hex') };
}

function writeValue(input: unknown, ancestors: object[]): string | undefined {
  let value = input;
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(): unknown }).toJSON();
  }
  switch (typeof value) {
    case 'string': return JSON.stringify(value);
    case 'number': return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean': return value ? 'true' : 'false';
    case 'bigint': throw new TypeError('Cannot serialise a BigInt to JSON: convert it to a string or number first.');
    case 'object': break;
    default: return undefined;
  }
  if (value === null) return 'null';
  if (ancestors.includes(value)) throw new TypeError('Cannot serialise a circular structure to JSON.');
  ancestors.push(value);
  try {
    return Array.isArray(value) ? writeArray(value, ancestors) : writeObject(value as Record<string, unknown>, ancestors);
  } finally {
    ancestors.pop();
  }
}

function writeArray(items: unknown[], ancestors: object[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    out += writeValue(items[i], ancestors) ?? 'null';
  }
  return `${out}]`;
}

function writeObject(object: Record<string, unknown>, ancestors: object[]): string {
  let out = '{';
  for (const key of Object.keys(object).sort()) {
    const text = writeValue(object[key], ancestors);
    if (text === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:${text}`;
  }
  return `${out}}`;
}
