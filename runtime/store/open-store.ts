import type { EntityRegistry } from '../../nodes/entities/registry.ts';
import type { EntityStore } from './entity-store.ts';
import { PostgresEntityStore } from './postgres-store.ts';
import { SqliteEntityStore } from './sqlite-store.ts';

/** Where the store lives: what `TRIBUTARY_DATA_DIR` and `DATABASE_URL` say. */
export interface OpenStoreOptions {
  /** Directory of the SQLite file, used when no `databaseUrl` is given. */
  dataDir: string;
  /** PostgreSQL connection string; when set (non-empty), PostgreSQL is used instead of SQLite. */
  databaseUrl?: string;
  /** Gives each entity type's search text (default: the built-in entity types). */
  registry?: EntityRegistry;
}

/**
 * Opens the configured entity store, ready to use: PostgreSQL when a database URL is given, else the embedded
 * SQLite file in the data directory.
 *
 * @example const store = await openStore({ dataDir: env.TRIBUTARY_DATA_DIR ?? './data', databaseUrl: env.DATABASE_URL })
 */
export async function openStore(options: OpenStoreOptions): Promise<EntityStore> {
  const store: EntityStore = options.databaseUrl
    ? new PostgresEntityStore({ url: options.databaseUrl, registry: options.registry })
    : new SqliteEntityStore({ dataDir: options.dataDir, registry: options.registry });
  try {
    await store.init();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}
