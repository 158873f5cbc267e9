import pg from 'pg';
import { EntityRegistry } from '../../nodes/entities/registry.ts';
import { EXPORT_PAGE_SIZE, queryEntityPage, type ReadEntityRows } from './entity-paging.ts';
import type { EntityStore } from './entity-store.ts';
import { pageSize } from './page-cursor.ts';
import { PostgresEntities } from './postgres-entities.ts';
import { PostgresLeases } from './postgres-leases.ts';
import { PostgresNodeStates } from './postgres-node-states.ts';
import { PostgresRejects } from './postgres-rejects.ts';
import { PostgresRuns } from './postgres-runs.ts';
import { createPostgresSchema, postgresTables, type PostgresTables } from './postgres-schema.ts';
import { withTransaction } from './postgres-transaction.ts';
import type {
  EntityQuery, EntityRecord, NodeStateUpdate, Page, RejectInputRecord, RejectQuery, RejectRecord, RunRecord, UpsertBatch,
  UpsertCounts,
} from './types.ts';

/** Options of the PostgreSQL store. */
export interface PostgresEntityStoreOptions {
  /** Connection string, what `DATABASE_URL` holds: `postgres://user:password@host:5432/db`. */
  url: string;
  /** Gives each entity type's search text (default: the built-in entity types). */
  registry?: EntityRegistry;
  /** PostgreSQL schema for the tables, created when missing (default: the connection's search_path). */
  schema?: string;
  /** Most connections the pool opens (default 10). */
  maxConnections?: number;
}

/**
 * The entity store for scale-out: PostgreSQL through a `pg` pool, multi-row upserts, one transaction per batch.
 *
 * @example
 * const store = new PostgresEntityStore({ url: process.env.DATABASE_URL! });
 * await store.init();
 */
export class PostgresEntityStore implements EntityStore {
  private readonly pool: pg.Pool;
  private readonly tables: PostgresTables;
  private readonly entities: PostgresEntities;
  private readonly states: PostgresNodeStates;
  private readonly runs: PostgresRuns;
  private readonly rejects: PostgresRejects;
  private readonly leases: PostgresLeases;

  constructor(options: PostgresEntityStoreOptions) {
    this.tables = postgresTables(options.schema);
    this.pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
    // An idle connection that drops (server restart) is removed by the pool; without a listener it would crash us.
    this.pool.on('error', () => undefined);
    this.entities = new PostgresEntities(this.tables, options.registry ?? new EntityRegistry());
    this.states = new PostgresNodeStates(this.tables);
    this.runs = new PostgresRuns(this.tables);
    this.rejects = new PostgresRejects(this.tables);
    this.leases = new PostgresLeases(this.tables);
  }

  async init(): Promise<void> {
    await createPostgresSchema(this.pool, this.tables);
  }

  async upsertBatch(batch: UpsertBatch): Promise<UpsertCounts> {
    return withTransaction(this.pool, async (client) => {
      const now = new Date();
      const counts = await this.entities.upsertAll(client, batch, now);
      await this.states.write(client, batch.channel, batch.states ?? [], now);
      return counts;
    });
  }

  async getEntity(type: string, channel: string, originId: string): Promise<EntityRecord | undefined> {
    return this.entities.get(this.pool, type, channel, originId);
  }

  async queryEntities(query: EntityQuery): Promise<Page<EntityRecord>> {
    return queryEntityPage(query, this.readRows);
  }

  exportEntities(type: string, channel?: string): AsyncIterable<EntityRecord> {
    return this.entities.stream(this.pool, { type, channel }, EXPORT_PAGE_SIZE);
  }

  async countEntities(channel?: string): Promise<Record<string, number>> {
    return this.entities.count(this.pool, channel);
  }

  async deleteChannel(channel: string): Promise<number> {
    return withTransaction(this.pool, async (client) => {
      await this.states.deleteChannel(client, channel);
      await this.rejects.deleteFlow(client, channel);
      await this.runs.deleteFlow(client, channel);
      return this.entities.deleteChannel(client, channel);
    });
  }

  async getNodeStates(channel: string): Promise<Record<string, unknown>> {
    return this.states.read(this.pool, channel);
  }

  async commitNodeStates(channel: string, states: NodeStateUpdate[]): Promise<void> {
    await withTransaction(this.pool, (client) => this.states.write(client, channel, states, new Date()));
  }

  async saveRun(run: RunRecord, retention?: number): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await this.runs.save(client, run);
      if (retention !== undefined) await this.runs.prune(client, run.flowId, retention);
    });
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    return this.runs.get(this.pool, id);
  }

  async listRuns(flowId: string, limit?: number): Promise<RunRecord[]> {
    return this.runs.list(this.pool, flowId, pageSize(limit, 50));
  }

  async failStaleRuns(flowId: string, message: string): Promise<string[]> {
    return withTransaction(this.pool, (client) => this.runs.failRunning(client, flowId, message, new Date()));
  }

  async addRejects(flowId: string, runId: string, rejects: RejectInputRecord[]): Promise<void> {
    await this.rejects.add(this.pool, flowId, runId, rejects);
  }

  async listRejects(query: RejectQuery): Promise<Page<RejectRecord>> {
    return this.rejects.list(this.pool, query);
  }

  async acquireLease(flowId: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.leases.acquire(this.pool, flowId, owner, ttlMs);
  }

  async renewLease(flowId: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.leases.renew(this.pool, flowId, owner, ttlMs);
  }

  async releaseLease(flowId: string, owner: string): Promise<void> {
    await this.leases.release(this.pool, flowId, owner);
  }

  async leaseHolder(flowId: string): Promise<{ owner: string; expiresAt: string } | undefined> {
    return this.leases.current(this.pool, flowId);
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  private readonly readRows: ReadEntityRows = (filter, limit) => this.entities.page(this.pool, filter, limit);
}
