import { afterEach, beforeEach, describe } from 'vitest';
import type { EntityStore } from '../../../runtime/store/entity-store.ts';
import { describeEntityContract } from './contract/entities.ts';
import { describeLeaseContract } from './contract/leases.ts';
import { describeQueryContract } from './contract/queries.ts';
import { describeRunContract } from './contract/runs.ts';

/**
 * The behaviour every `EntityStore` must show, as a vitest suite. `makeStore` returns a ready (initialised)
 * store; each test gets a fresh one and closes it. Tests use their own channel, flow and type names, so stores
 * opened on the same database (file or schema) do not see each other's data.
 *
 * @example describeStoreContract('SqliteEntityStore', async () => { const s = new SqliteEntityStore({ dataDir }); await s.init(); return s; })
 */
export function describeStoreContract(name: string, makeStore: () => Promise<EntityStore>): void {
  describe(`${name} (store contract)`, () => {
    let store: EntityStore | undefined;
    const current = (): EntityStore => {
      if (!store) throw new Error('The store under test is not open.');
      return store;
    };

    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    describeEntityContract(current);
    describeQueryContract(current);
    describeRunContract(current);
    describeLeaseContract(current);
  });
}
