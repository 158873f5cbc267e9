import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashEntity } from '../../../runtime/store/entity-hash.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and otherwise writes what JSON.stringify writes', () => {
    const value = { b: 1, a: [true, { d: null, c: 'x"y' }, undefined], e: undefined, f: new Date(0), g: Number.NaN };
    expect(canonicalJson(value)).toBe('{"a":[true,{"c":"x\\"y","d":null},null],"b":1,"f":"1970-01-01T00:00:00.000Z","g":null}');
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('refuses values JSON cannot hold', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson(cycle)).toThrow(/circular/);
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});

describe('hashEntity', () => {
  it('is the sha256 hex of the canonical JSON, the same whatever the key order', () => {
    expect(hashEntity({ b: 2, a: 1 })).toBe(createHash('sha256').update('{"a":1,"b":2}').digest('hex'));
    expect(hashEntity({ a: 1, b: 2 })).toBe(hashEntity({ b: 2, a: 1 }));
    expect(hashEntity({ a: 1 })).not.toBe(hashEntity({ a: '1' }));
  });
});
