import { describe, expect, it } from 'vitest';
import { hashEntity } from '../../../../runtime/store/entity-hash.ts';
import { person, run, unique, type StoreGetter } from './fixtures.ts';

/** Upserts, identity, atomic batches with node state, counts and channel deletion. */
export function describeEntityContract(store: StoreGetter): void {
  describe('upsert', () => {
    it('tells added, updated and unchanged apart, and writing the same batch twice changes nothing', async () => {
      const channel = unique('shop');
      const batch = { channel, runId: 'run-1', entities: [person('1'), person('2'), person('3')] };
      expect(await store().upsertBatch(batch)).toEqual({ added: 3, updated: 0, unchanged: 0 });
      expect(await store().upsertBatch({ ...batch, runId: 'run-2' })).toEqual({ added: 0, updated: 0, unchanged: 3 });
      const changed = [person('1'), person('2', { lastName: 'Byron' }), person('3'), person('4')];
      expect(await store().upsertBatch({ channel, runId: 'run-3', entities: changed }))
        .toEqual({ added: 1, updated: 1, unchanged: 2 });
      expect((await store().getEntity('person', channel, '2'))?.data.lastName).toBe('Byron');
      expect(await store().countEntities(channel)).toEqual({ person: 4 });
    });

    it('hashes the canonical JSON, so key order does not make an update', async () => {
      const channel = unique('shop');
      await store().upsertBatch({ channel, runId: 'run-1', entities: [{ type: 'person', originId: '1', data: { a: 1, b: { c: 2, d: 3 } } }] });
      const reordered = { type: 'person', originId: '1', data: { b: { d: 3, c: 2 }, a: 1 } };
      expect(await store().upsertBatch({ channel, runId: 'run-2', entities: [reordered] }))
        .toEqual({ added: 0, updated: 0, unchanged: 1 });
      const stored = await store().getEntity('person', channel, '1');
      expect(stored?.hash).toBe(hashEntity({ a: 1, b: { c: 2, d: 3 } }));
      expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('keeps firstSeenAt on update and leaves an unchanged entity untouched', async () => {
      const channel = unique('shop');
      await store().upsertBatch({ channel, runId: 'run-1', entities: [person('1'), person('2')] });
      const first = await store().getEntity('person', channel, '1');
      const second = await store().getEntity('person', channel, '2');
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store().upsertBatch({ channel, runId: 'run-2', entities: [person('1', { email: 'new@example.com' }), person('2')] });
      const updated = await store().getEntity('person', channel, '1');
      expect(updated).toMatchObject({ type: 'person', channel, originId: '1', runId: 'run-2', firstSeenAt: first?.firstSeenAt });
      expect(updated?.data.email).toBe('new@example.com');
      expect(Date.parse(updated!.updatedAt)).toBeGreaterThan(Date.parse(first!.updatedAt));
      expect(await store().getEntity('person', channel, '2')).toEqual(second);
    });

    it('keys entities by type, channel and origin id', async () => {
      const [shop, crm] = [unique('shop'), unique('crm')];
      const counts = await store().upsertBatch({ channel: shop, runId: 'r', entities: [
        person('7', { firstName: 'Shop' }), { type: 'address', originId: '7', data: { city: 'Berlin' } }] });
      await store().upsertBatch({ channel: crm, runId: 'r', entities: [person('7', { firstName: 'Crm' })] });
      expect(counts).toEqual({ added: 2, updated: 0, unchanged: 0 });
      expect((await store().getEntity('person', shop, '7'))?.data.firstName).toBe('Shop');
      expect((await store().getEntity('person', crm, '7'))?.data.firstName).toBe('Crm');
      expect((await store().getEntity('address', shop, '7'))?.data).toEqual({ city: 'Berlin' });
      expect(await store().getEntity('address', crm, '7')).toBeUndefined();
    });

    it('counts a repeated origin id within one batch as added then updated', async () => {
      const channel = unique('shop');
      const entities = [person('1'), person('1', { lastName: 'Byron' }), person('1', { lastName: 'Byron' })];
      expect(await store().upsertBatch({ channel, runId: 'r', entities })).toEqual({ added: 1, updated: 1, unchanged: 1 });
      expect((await store().getEntity('person', channel, '1'))?.data.lastName).toBe('Byron');
    });
  });

  describe('node state', () => {
    it('commits states with the batch and returns them per node', async () => {
      const channel = unique('shop');
      await store().upsertBatch({ channel, runId: 'r', entities: [person('1')],
        states: [{ nodeId: 'customers', state: { updatedAt: '2024-01-01' } }, { nodeId: 'groups', state: 3 }] });
      await store().commitNodeStates(channel, [{ nodeId: 'groups', state: { page: 4 } }]);
      expect(await store().getNodeStates(channel)).toEqual({ customers: { updatedAt: '2024-01-01' }, groups: { page: 4 } });
      expect(await store().getNodeStates(unique('other'))).toEqual({});
    });

    it('writes neither entities nor state when a batch fails part way', async () => {
      const channel = unique('shop');
      await store().upsertBatch({ channel, runId: 'r1', entities: [person('1')], states: [{ nodeId: 'customers', state: 'A' }] });
      const failing = [
        // A missing origin id is refused by the database itself, after the first row was written.
        [person('2'), person('1', { lastName: 'Changed' }), { type: 'person', originId: null as unknown as string, data: {} }],
        [person('2'), person('1', { lastName: 'Changed' }), person('3', { big: 10n })],
      ];
      for (const entities of failing) {
        await expect(store().upsertBatch({ channel, runId: 'r2', entities, states: [{ nodeId: 'customers', state: 'B' }] }))
          .rejects.toThrow();
      }
      await expect(store().upsertBatch({ channel, runId: 'r2', entities: [person('2')],
        states: [{ nodeId: 'customers', state: { cursor: 5n } }] })).rejects.toThrow();
      expect(await store().getNodeStates(channel)).toEqual({ customers: 'A' });
      expect(await store().countEntities(channel)).toEqual({ person: 1 });
      expect((await store().getEntity('person', channel, '1'))?.data.lastName).toBe('Lovelace');
      expect(await store().upsertBatch({ channel, runId: 'r3', entities: [person('2')] })).toEqual({ added: 1, updated: 0, unchanged: 0 });
    });
  });

  describe('channels', () => {
    it('counts entities per type, for one channel or all', async () => {
      const channel = unique('shop');
      await store().upsertBatch({ channel, runId: 'r', entities: [person('1'), person('2'),
        { type: 'product', originId: 'p1', data: { sku: 'A-1' } }] });
      expect(await store().countEntities(channel)).toEqual({ person: 2, product: 1 });
      const all = await store().countEntities();
      expect(all.person).toBeGreaterThanOrEqual(2);
      expect(all.product).toBeGreaterThanOrEqual(1);
    });

    it('deletes only the given channel: its entities, states, runs and rejects', async () => {
      const [gone, kept] = [unique('gone'), unique('kept')];
      for (const channel of [gone, kept]) {
        await store().upsertBatch({ channel, runId: `${channel}-r`, entities: [person('1'), person('2')],
          states: [{ nodeId: 'customers', state: 1 }] });
        await store().saveRun(run(channel, `${channel}-r`, 1));
        await store().addRejects(channel, `${channel}-r`, [{ nodeId: 'customers', reason: 'bad', record: { id: 1 } }]);
      }
      expect(await store().deleteChannel(gone)).toBe(2);
      expect(await store().countEntities(gone)).toEqual({});
      expect(await store().getNodeStates(gone)).toEqual({});
      expect(await store().getRun(`${gone}-r`)).toBeUndefined();
      expect((await store().listRejects({ flowId: gone })).items).toEqual([]);
      expect(await store().countEntities(kept)).toEqual({ person: 2 });
      expect(await store().getNodeStates(kept)).toEqual({ customers: 1 });
      expect(await store().getRun(`${kept}-r`)).toBeDefined();
      expect((await store().listRejects({ flowId: kept })).items).toHaveLength(1);
    });

    it('can be initialised again without losing data', async () => {
      const channel = unique('shop');
      await store().upsertBatch({ channel, runId: 'r', entities: [person('1')] });
      await store().init();
      expect(await store().countEntities(channel)).toEqual({ person: 1 });
    });
  });
}
