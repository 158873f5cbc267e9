import { describe, expect, it } from 'vitest';
import type { EntityQuery, EntityRecord } from '../../../../runtime/store/types.ts';
import { collect, person, unique, type StoreGetter } from './fixtures.ts';

/** Text search, cursor paging and export. */
export function describeQueryContract(store: StoreGetter): void {
  async function readAllPages(query: EntityQuery): Promise<{ items: EntityRecord[]; pages: number }> {
    const items: EntityRecord[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
      const page = await store().queryEntities({ ...query, cursor });
      items.push(...page.items);
      pages++;
      cursor = page.nextCursor;
    } while (cursor !== undefined && pages < 100);
    return { items, pages };
  }

  describe('query', () => {
    it('pages through a channel by cursor with no duplicates and no gaps, ordered by origin id', async () => {
      const channel = unique('shop');
      const ids = Array.from({ length: 23 }, (_, i) => `id-${String(i).padStart(2, '0')}`);
      await store().upsertBatch({ channel, runId: 'r', entities: [...ids].reverse().map((id) => person(id)) });
      const first = await store().queryEntities({ type: 'person', channel, limit: 5 });
      expect(first.items.map((entity) => entity.originId)).toEqual(ids.slice(0, 5));
      expect(first.nextCursor).toEqual(expect.any(String));
      const { items, pages } = await readAllPages({ type: 'person', channel, limit: 5 });
      expect(pages).toBe(5);
      expect(items.map((entity) => entity.originId)).toEqual(ids);
      const exact = await store().queryEntities({ type: 'person', channel, limit: 23 });
      expect(exact.items).toHaveLength(23);
      expect(exact.nextCursor).toBeUndefined();
    });

    it('orders by channel then origin id across channels, and filters by type', async () => {
      const type = unique('thing');
      const [a, b] = [unique('a'), unique('b')].sort();
      await store().upsertBatch({ channel: b, runId: 'r', entities: ['2', '1'].map((id) => ({ type, originId: id, data: { id } })) });
      await store().upsertBatch({ channel: a, runId: 'r', entities: [{ type, originId: '9', data: {} }, person('1')] });
      const { items } = await readAllPages({ type, limit: 2 });
      expect(items.map((entity) => [entity.channel, entity.originId])).toEqual([[a, '9'], [b, '1'], [b, '2']]);
      expect(items[1]).toMatchObject({ type, data: { id: '1' }, runId: 'r' });
    });

    it('searches the type\'s search fields case-insensitively, every term, with paging', async () => {
      const channel = unique('shop');
      await store().upsertBatch({ channel, runId: 'r', entities: [
        person('1', { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }),
        person('2', { firstName: 'Grace', lastName: 'Hopper', email: 'grace@navy.mil' }),
        person('3', { firstName: 'Adam', lastName: 'Smith', email: 'adam@example.com', gender: 'lovelace' }),
        person('4', { firstName: '100%', lastName: 'Under_score', email: 'x@example.com' }),
      ] });
      const search = async (text: string): Promise<string[]> =>
        (await readAllPages({ type: 'person', channel, text, limit: 1 })).items.map((entity) => entity.originId);
      expect(await search('ADA')).toEqual(['1', '3']);
      expect(await search('ada lovelace')).toEqual(['1']);
      expect(await search('NAVY.MIL')).toEqual(['2']);
      expect(await search('lovelace')).toEqual(['1']);
      expect(await search('%')).toEqual(['4']);
      expect(await search('r_s')).toEqual(['4']);
      expect(await search('a_a')).toEqual([]);
      expect(await search('nobody')).toEqual([]);
    });

    it('refuses a cursor it did not make', async () => {
      await expect(store().queryEntities({ type: 'person', cursor: 'not-a-cursor' })).rejects.toThrow(/cursor/);
    });
  });

  describe('export', () => {
    it('streams every entity of a type in channel then origin id order, across many pages', async () => {
      const type = unique('export');
      const [a, b] = [unique('a'), unique('b')].sort();
      const ids = Array.from({ length: 1050 }, (_, i) => String(i).padStart(5, '0'));
      for (const channel of [b, a]) {
        await store().upsertBatch({ channel, runId: 'r', entities: ids.map((id) => ({ type, originId: id, data: { n: Number(id) } })) });
      }
      await store().upsertBatch({ channel: a, runId: 'r', entities: [person('00001')] });
      const all = await collect(store().exportEntities(type));
      expect(all.map((entity) => `${entity.channel}/${entity.originId}`))
        .toEqual([...ids.map((id) => `${a}/${id}`), ...ids.map((id) => `${b}/${id}`)]);
      expect(all[5]).toMatchObject({ type, channel: a, originId: '00005', data: { n: 5 }, runId: 'r' });
      const onlyB = await collect(store().exportEntities(type, b));
      expect(onlyB.map((entity) => entity.originId)).toEqual(ids);
    });

    it('can stop part way', async () => {
      const channel = unique('shop');
      await store().upsertBatch({ channel, runId: 'r', entities: ['1', '2', '3'].map((id) => person(id)) });
      const seen: string[] = [];
      for await (const entity of store().exportEntities('person', channel)) {
        seen.push(entity.originId);
        if (seen.length === 2) break;
      }
      expect(seen).toEqual(['1', '2']);
      expect(await store().countEntities(channel)).toEqual({ person: 3 });
    });
  });
}
