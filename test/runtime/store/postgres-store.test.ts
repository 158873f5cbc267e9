import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresEntityStore } from '../../../runtime/store/postgres-store.ts';
import { serviceUrl } from '../../support/service-url.ts';
import { describeStoreContract } from './store-contract.ts';

const url = serviceUrl('TEST_POSTGRES_URL', 'postgres://postgres@127.0.0.1:5432/test');
const skipReason = 'skipped: TEST_POSTGRES_URL is not set';

/** This file's own schema, dropped at the end. */
const schema = `tributary_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

describe.skipIf(!url)(url ? 'PostgresEntityStore' : `PostgresEntityStore (${skipReason})`, () => {
  const openPostgres = async (): Promise<PostgresEntityStore> => {
    const store = new PostgresEntityStore({ url: url!, schema });
    await store.init();
    return store;
  };

  afterAll(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  });

  describeStoreContract('PostgresEntityStore', openPostgres);

  describe('PostgresEntityStore schema', () => {
    it('creates its tables in the given schema, and two stores can init at once', async () => {
      const [a, b] = [new PostgresEntityStore({ url: url!, schema }), new PostgresEntityStore({ url: url!, schema })];
      await Promise.all([a.init(), b.init()]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const tables = await client.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema]);
      await client.end();
      await Promise.all([a.close(), b.close()]);
      expect(tables.rows.map((row) => row.table_name)).toEqual(['entities', 'leases', 'node_states', 'rejects', 'runs']);
    });

    it('refuses a schema name that is not a plain identifier', () => {
      expect(() => new PostgresEntityStore({ url: url!, schema: 'x"; DROP TABLE y; --' })).toThrow(/schema name/);
    });
  });
});
