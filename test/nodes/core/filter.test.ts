import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../nodes/contract/errors.ts';
import { filterNode } from '../../../nodes/core/filter/definition.ts';
import { runNode } from '../../../runtime/testing/index.ts';

const people = [
  { id: 1, name: 'Ada Lovelace', age: '36', email: 'ada@example.org', tags: ['vip', 'math'], address: { country: 'GB' } },
  { id: 2, name: 'alan turing', age: 41, email: 'alan@example.com', tags: [], address: { country: 'GB' }, note: '  ' },
  { id: 3, name: 'Grace Hopper', age: 85, email: null, tags: ['navy'], address: { country: 'US' } },
];

async function ids(conditions: unknown[], mode?: 'all' | 'any') {
  const { outputs } = await runNode({
    definition: filterNode,
    nodeId: 'adults',
    config: { conditions, ...(mode ? { mode } : {}) },
    inputs: { records: [people] },
  });
  const pick = (records: unknown[] = []) => records.map((record) => (record as { id: number }).id);
  return { matched: pick(outputs.matched), unmatched: pick(outputs.unmatched) };
}
const matched = async (path: string, op: string, value?: unknown, extra: Record<string, unknown> = {}) =>
  (await ids([{ path, op, ...(value === undefined ? {} : { value }), ...extra }])).matched;

describe('core.filter operators', () => {
  it('eq / neq compare loosely across text and numbers, and deeply for objects', async () => {
    expect(await matched('age', 'eq', 36)).toEqual([1]);
    expect(await matched('age', 'eq', '41')).toEqual([2]);
    expect(await matched('address', 'eq', { country: 'US' })).toEqual([3]);
    expect(await matched('address.country', 'neq', 'GB')).toEqual([3]);
  });

  it('gt / gte / lt / lte order numbers numerically and text as text', async () => {
    expect(await matched('age', 'gt', 40)).toEqual([2, 3]);
    expect(await matched('age', 'gte', '41')).toEqual([2, 3]);
    expect(await matched('age', 'lt', 41)).toEqual([1]);
    expect(await matched('age', 'lte', 41)).toEqual([1, 2]);
    expect(await matched('name', 'lt', 'B')).toEqual([1]);
    expect(await matched('email', 'gt', 1)).toEqual([]);
  });

  it('contains looks into text and arrays; startsWith / endsWith into text', async () => {
    expect(await matched('name', 'contains', 'ring')).toEqual([2]);
    expect(await matched('tags', 'contains', 'navy')).toEqual([3]);
    expect(await matched('email', 'startsWith', 'ada@')).toEqual([1]);
    expect(await matched('email', 'endsWith', '.com')).toEqual([2]);
  });

  it('matches uses a regular expression with flags', async () => {
    expect(await matched('name', 'matches', '^[a-z]+ [a-z]+$')).toEqual([2]);
    expect(await matched('name', 'matches', '^[a-z]+ [a-z]+$', { flags: 'i' })).toEqual([1, 2, 3]);
  });

  it('exists and empty, and their negations with value false', async () => {
    expect(await matched('email', 'exists')).toEqual([1, 2]);
    expect(await matched('email', 'exists', false)).toEqual([3]);
    expect(await matched('note', 'empty')).toEqual([1, 2, 3]);
    expect(await matched('tags', 'empty')).toEqual([2]);
    expect(await matched('tags', 'empty', false)).toEqual([1, 3]);
  });

  it('in checks membership of a list', async () => {
    expect(await matched('address.country', 'in', ['US', 'CA'])).toEqual([3]);
    expect(await matched('age', 'in', [36, 85])).toEqual([1, 3]);
  });
});

describe('core.filter config', () => {
  it('combines conditions with all (default) or any, and routes the rest to unmatched', async () => {
    const conditions = [{ path: 'address.country', op: 'eq', value: 'GB' }, { path: 'age', op: 'gt', value: 40 }];
    expect(await ids(conditions)).toEqual({ matched: [2], unmatched: [1, 3] });
    expect(await ids(conditions, 'any')).toEqual({ matched: [1, 2, 3], unmatched: [] });
    expect(await ids([], 'all')).toEqual({ matched: [1, 2, 3], unmatched: [] });
  });

  it('refuses an invalid regular expression or a missing value at start, naming the field', async () => {
    for (const condition of [{ path: 'name', op: 'matches', value: '([a-z' }, { path: 'tags', op: 'in', value: 'vip' }, { path: 'age', op: 'gt' }]) {
      const error = await ids([{ path: 'id', op: 'exists' }, condition]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toMatchObject({ nodeId: 'adults', field: 'conditions.1.value' });
    }
  });

  it('refuses an unknown operator through the schema', async () => {
    await expect(ids([{ path: 'id', op: 'like', value: 1 }])).rejects.toMatchObject({ code: 'config_invalid' });
  });
});
