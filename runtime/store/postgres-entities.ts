import type { Pool, PoolClient } from 'pg';
import Cursor from 'pg-cursor';
import type { EntityInput } from '../../nodes/contract/batch.ts';
import type { EntityRegistry } from '../../nodes/entities/registry.ts';
import { serializeEntity } from './entity-hash.ts';
import { entityWhere, type EntityFilter } from './entity-filter.ts';
import type { PostgresTables } from './postgres-schema.ts';
import type { EntityRecord, UpsertBatch, UpsertCounts } from './types.ts';

/** An `entities` row as pg returns it. */
interface EntityRow {
  type: string;
  channel: string;
  origin_id: string;
  data: Record<string, unknown>;
  hash: string;
  first_seen_at: Date;
  updated_at: Date;
  run_id: string;
}

/** Rows per INSERT statement: one JSON parameter, so no limit on bind parameters applies. */
const ROWS_PER_STATEMENT = 2000;

const COLUMNS = 'type, channel, origin_id, data, hash, first_seen_at, updated_at, run_id';

/** The entities table of the PostgreSQL store. */
export class PostgresEntities {
  private readonly upsertSql: string;

  constructor(private readonly tables: PostgresTables, private readonly registry: EntityRegistry) {
    // Rows arrive as one JSON array. Unchanged rows (same hash) are not touched, so they return no row.
    this.upsertSql = `WITH written AS (
      INSERT INTO ${tables.entities} AS e
        (type, channel, origin_id, data, hash, search_text, first_seen_at, updated_at, run_id)
      SELECT r.type, $2, r.origin_id, r.data, r.hash, r.search_text, $3, $3, $4
        FROM json_to_recordset($1::json) AS r(type text, origin_id text, data jsonb, hash text, search_text text)
      ON CONFLICT (type, channel, origin_id) DO UPDATE SET data = excluded.data, hash = excluded.hash,
        search_text = excluded.search_text, updated_at = excluded.updated_at, run_id = excluded.run_id
      WHERE e.hash IS DISTINCT FROM excluded.hash
      RETURNING (xmax = 0) AS inserted)
    SELECT count(*) FILTER (WHERE inserted)::int AS added, count(*) FILTER (WHERE NOT inserted)::int AS updated
      FROM written`;
  }

  /** Upserts the batch's entities on `client`, inside the caller's transaction. */
  async upsertAll(client: PoolClient, batch: UpsertBatch, now: Date): Promise<UpsertCounts> {
    const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
    for (const rows of statementChunks(batch.entities)) {
      const payload = `[${rows.map((entity) => this.jsonRow(entity)).join(',')}]`;
      const result = await client.query<{ added: number; updated: number }>(this.upsertSql,
        [payload, batch.channel, now, batch.runId]);
      const { added, updated } = result.rows[0];
      counts.added += added;
      counts.updated += updated;
      counts.unchanged += rows.length - added - updated;
    }
    return counts;
  }

  /** One entity, or undefined. */
  async get(pool: Pool, type: string, channel: string, originId: string): Promise<EntityRecord | undefined> {
    const result = await pool.query<EntityRow>(
      `SELECT ${COLUMNS} FROM ${this.tables.entities} WHERE type = $1 AND channel = $2 AND origin_id = $3`,
      [type, channel, originId]);
    return result.rows.length > 0 ? toRecord(result.rows[0]) : undefined;
  }

  /** Up to `limit` entities matching the filter, ordered by channel then origin id. */
  async page(pool: Pool, filter: EntityFilter, limit: number): Promise<EntityRecord[]> {
    const where = entityWhere(filter, (index) => `$${index}`);
    const result = await pool.query<EntityRow>(`SELECT ${COLUMNS} FROM ${this.tables.entities} WHERE ${where.sql}
      ORDER BY channel, origin_id LIMIT $${where.params.length + 1}`, [...where.params, limit]);
    return result.rows.map(toRecord);
  }

  /**
   * Streams entities of a type (optionally one channel) in (channel, originId) order through a server-side
   * cursor: one query and one snapshot, `pageSize` rows in memory at a time. Stopping early closes the cursor.
   */
  async *stream(pool: Pool, filter: EntityFilter, pageSize: number): AsyncGenerator<EntityRecord> {
    const where = entityWhere(filter, (index) => `$${index}`);
    const client = await pool.connect();
    const cursor = client.query(new Cursor<EntityRow>(`SELECT ${COLUMNS} FROM ${this.tables.entities}
      WHERE ${where.sql} ORDER BY channel, origin_id`, where.params));
    let failed: Error | undefined;
    try {
      for (;;) {
        const rows = await cursor.read(pageSize);
        for (const row of rows) yield toRecord(row);
        if (rows.length < pageSize) return;
      }
    } catch (error) {
      failed = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      await cursor.close().catch(() => undefined);
      client.release(failed);
    }
  }

  /** Entity counts per type, for one channel or all. */
  async count(pool: Pool, channel?: string): Promise<Record<string, number>> {
    const where = channel === undefined ? '' : 'WHERE channel = $1';
    const result = await pool.query<{ type: string; n: number }>(
      `SELECT type, count(*)::int AS n FROM ${this.tables.entities} ${where} GROUP BY type`,
      channel === undefined ? [] : [channel]);
    return Object.fromEntries(result.rows.map((row) => [row.type, row.n]));
  }

  /** Deletes the channel's entities; returns how many went. */
  async deleteChannel(client: PoolClient, channel: string): Promise<number> {
    const result = await client.query(`DELETE FROM ${this.tables.entities} WHERE channel = $1`, [channel]);
    return result.rowCount ?? 0;
  }

  private jsonRow(entity: EntityInput): string {
    const { json, hash } = serializeEntity(entity.data);
    const searchText = this.registry.searchText(entity.type, entity.data);
    return `{"type":${JSON.stringify(entity.type ?? null)},"origin_id":${JSON.stringify(entity.originId ?? null)},`
      + `"data":${json},"hash":"${hash}","search_text":${JSON.stringify(searchText)}}`;
  }
}

/**
 * Splits entities into INSERT-sized chunks in which no (type, originId) repeats: PostgreSQL refuses to update
 * one row twice in a statement, and a repeat in a later chunk counts as the update it is.
 */
function* statementChunks(entities: readonly EntityInput[]): Generator<EntityInput[]> {
  let chunk: EntityInput[] = [];
  let keys = new Set<string>();
  for (const entity of entities) {
    const key = `${entity.type}\u0000${entity.originId}`;
    if (chunk.length >= ROWS_PER_STATEMENT || keys.has(key)) {
      yield chunk;
      chunk = [];
      keys = new Set();
    }
    chunk.push(entity);
    keys.add(key);
  }
  if (chunk.length > 0) yield chunk;
}

function toRecord(row: EntityRow): EntityRecord {
  return {
    type: row.type,
    channel: row.channel,
    originId: row.origin_id,
    data: row.data,
    hash: row.hash,
    firstSeenAt: row.first_seen_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    runId: row.run_id,
  };
}
