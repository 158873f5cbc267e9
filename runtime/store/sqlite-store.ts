import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { InternalError } from '../../nodes/contract/errors.ts';
import { EntityRegistry } from '../../nodes/entities/registry.ts';
import { exportEntityPages, queryEntityPage, type ReadEntityRows } from './entity-paging.ts';
import type { EntityStore } from './entity-store.ts';
import { pageSize } from './page-cursor.ts';
import { SqliteEntities } from './sqlite-entities.ts';
import { SqliteLeases } from './sqlite-leases.ts';
import { SqliteNodeStates } from './sqlite-node-states.ts';
import { SqliteRejects } from './sqlite-rejects.ts';
import { SqliteRuns } from './sqlite-runs.ts';
import { createSqliteSchema, openSqliteDatabase } from './sqlite-schema.ts';
import type {
  EntityQuery, EntityRecord, NodeStateUpdate, Page, RejectInputRecord, RejectQuery, RejectRecord, RunRecord, UpsertBatch,
  UpsertCounts,
} from './types.ts';

/** Options of the SQLite store. */
export interface SqliteEntityStoreOptions {
  /** Directory of the database file (default `./data`, what `TRIBUTARY_DATA_DIR` names). */
  dataDir?: string;
  /** File name inside `dataDir` (default `tributary.db`), or `':memory:'` for a throwaway database. */
  filename?: string;
  /** Gives each entity type's search text (default: the built-in entity types). */
  registry?: EntityRegistry;
}

/** The tables, once `init()` has opened the database. */
interface SqliteParts {
  db: Database.Database;
  entities: SqliteEntities;
  states: SqliteNodeStates;
  runs: SqliteRuns;
  rejects: SqliteRejects;
  leases: SqliteLeases;
}

/**
 * The embedded entity store: one SQLite file (`<dataDir>/tributary.db`) in WAL mode, one transaction per batch.
 *
 * @example
 * const store = new SqliteEntityStore({ dataDir: './data' });
 * await store.init();
 * await store.upsertBatch({ channel: 'shop', runId: 'r1', entities, states: [{ nodeId: 'customers', state: cursor }] });
 */
export class SqliteEntityStore implements EntityStore {
  /** Path of the database file (or `:memory:`). */
  readonly path: string;
  private readonly registry: EntityRegistry;
  private opened?: SqliteParts;

  constructor(options: SqliteEntityStoreOptions = {}) {
    const filename = options.filename ?? 'tributary.db';
    this.path = filename === ':memory:' ? filename : join(options.dataDir ?? './data', filename);
    this.registry = options.registry ?? new EntityRegistry();
  }

  async init(): Promise<void> {
    if (this.opened) return;
    const db = openSqliteDatabase(this.path);
    createSqliteSchema(db);
    this.opened = {
      db,
      entities: new SqliteEntities(db, this.registry),
      states: new SqliteNodeStates(db),
      runs: new SqliteRuns(db),
      rejects: new SqliteRejects(db),
      leases: new SqliteLeases(db),
    };
  }

  async upsertBatch(batch: UpsertBatch): Promise<UpsertCounts> {
    const { db, entities, states } = this.parts;
    return db.transaction(() => {
      const now = new Date().toISOString();
      const counts = entities.upsertAll(batch, now);
      states.write(batch.channel, batch.states ?? [], now);
      return counts;
    }).immediate();
  }

  async getEntity(type: string, channel: string, originId: string): Promise<EntityRecord | undefined> {
    return this.parts.entities.get(type, channel, originId);
  }

  async queryEntities(query: EntityQuery): Promise<Page<EntityRecord>> {
    return queryEntityPage(query, this.readRows);
  }

  exportEntities(type: string, channel?: string): AsyncIterable<EntityRecord> {
    return exportEntityPages(type, channel, this.readRows);
  }

  async countEntities(channel?: string): Promise<Record<string, number>> {
    return this.parts.entities.count(channel);
  }

  async deleteChannel(channel: string): Promise<number> {
    const { db, entities, states, runs, rejects } = this.parts;
    return db.transaction(() => {
      states.deleteChannel(channel);
      rejects.deleteFlow(channel);
      runs.deleteFlow(channel);
      return entities.deleteChannel(channel);
    }).immediate();
  }

  async getNodeStates(channel: string): Promise<Record<string, unknown>> {
    return this.parts.states.read(channel);
  }

  async commitNodeStates(channel: string, states: NodeStateUpdate[]): Promise<void> {
    const parts = this.parts;
    parts.db.transaction(() => parts.states.write(channel, states, new Date().toISOString())).immediate();
  }

  async saveRun(run: RunRecord, retention?: number): Promise<void> {
    const { db, runs } = this.parts;
    db.transaction(() => {
      runs.save(run);
      if (retention !== undefined) runs.prune(run.flowId, retention);
    }).immediate();
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    return this.parts.runs.get(id);
  }

  async listRuns(flowId: string, limit?: number): Promise<RunRecord[]> {
    return this.parts.runs.list(flowId, pageSize(limit, 50));
  }

  async failStaleRuns(flowId: string, message: string): Promise<string[]> {
    const { db, runs } = this.parts;
    return db.transaction(() => runs.failRunning(flowId, message, new Date())).immediate();
  }

  async addRejects(flowId: string, runId: string, rejects: RejectInputRecord[]): Promise<void> {
    const parts = this.parts;
    parts.db.transaction(() => parts.rejects.add(flowId, runId, rejects, new Date().toISOString())).immediate();
  }

  async listRejects(query: RejectQuery): Promise<Page<RejectRecord>> {
    return this.parts.rejects.list(query);
  }

  async acquireLease(flowId: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.parts.leases.acquire(flowId, owner, ttlMs);
  }

  async renewLease(flowId: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.parts.leases.renew(flowId, owner, ttlMs);
  }

  async releaseLease(flowId: string, owner: string): Promise<void> {
    this.parts.leases.release(flowId, owner);
  }

  async leaseHolder(flowId: string): Promise<{ owner: string; expiresAt: string } | undefined> {
    return this.parts.leases.current(flowId);
  }

  async close(): Promise<void> {
    this.opened?.db.close();
    this.opened = undefined;
  }

  private readonly readRows: ReadEntityRows = (filter, limit) => this.parts.entities.page(filter, limit);

  private get parts(): SqliteParts {
    if (!this.opened) throw new InternalError('The SQLite entity store is not open: call init() before using it.');
    return this.opened;
  }
}
