import type Database from 'better-sqlite3';
import type { EntityRegistry } from '../../nodes/entities/registry.ts';
import { serializeEntity } from './entity-hash.ts';
import { entityWhere, type EntityFilter } from './entity-filter.ts';
import type { EntityRecord, UpsertBatch, UpsertCounts } from './types.ts';
import { SqliteStatementCache } from './sqlite-statement-cache.ts';

/** An `entities` row as SQLite returns it. */
interface EntityRow {
  type: string;
  channel: string;
  origin_id: string;
  data: string;
  hash: string;
  first_seen_at: string;
  updated_at: string;
  run_id: string;
}

type CountRow = { type: string; n: number };

type UpsertParams = [string, string, string, string, string, string, string, string, string];

const COLUMNS = 'type, channel, origin_id, data, hash, first_seen_at, updated_at, run_id';

/** The entities table of the SQLite store. Callers own transactions. */
export class SqliteEntities {
  private readonly upsert: Database.Statement<UpsertParams, number>;
  private readonly maxId: Database.Statement<[], number | null>;
  private readonly selectOne: Database.Statement<[string, string, string], EntityRow>;
  private readonly countAll: Database.Statement<[], CountRow>;
  private readonly countChannel: Database.Statement<[string], CountRow>;
  private readonly removeChannel: Database.Statement<[string]>;
  private readonly pages: SqliteStatementCache<(string | number)[], EntityRow>;

  constructor(db: Database.Database, private readonly registry: EntityRegistry) {
    this.pages = new SqliteStatementCache(db);
    // Unchanged rows (same hash) are not touched, so they return no row: that is how they are counted.
    this.upsert = db.prepare<UpsertParams, number>(`INSERT INTO entities
      (type, channel, origin_id, data, hash, search_text, first_seen_at, updated_at, run_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (type, channel, origin_id) DO UPDATE SET data = excluded.data, hash = excluded.hash,
        search_text = excluded.search_text, updated_at = excluded.updated_at, run_id = excluded.run_id
      WHERE entities.hash <> excluded.hash
      RETURNING id`).pluck();
    this.maxId = db.prepare<[], number | null>('SELECT max(id) FROM entities').pluck();
    this.selectOne = db.prepare<[string, string, string], EntityRow>(
      `SELECT ${COLUMNS} FROM entities WHERE type = ? AND channel = ? AND origin_id = ?`);
    this.countAll = db.prepare<[], CountRow>('SELECT type, count(*) AS n FROM entities GROUP BY type');
    this.countChannel = db.prepare<[string], CountRow>(
      'SELECT type, count(*) AS n FROM entities WHERE channel = ? GROUP BY type');
    this.removeChannel = db.prepare<[string]>('DELETE FROM entities WHERE channel = ?');
  }

  /** Upserts the batch's entities. Run inside a transaction: a throw leaves nothing written. */
  upsertAll(batch: UpsertBatch, now: string): UpsertCounts {
    const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
    // A new row's id is one more than the largest id so far, so an id above every id seen before is an insert.
    let highestId = this.maxId.get() ?? 0;
    for (const entity of batch.entities) {
      const { json, hash } = serializeEntity(entity.data);
      const searchText = this.registry.searchText(entity.type, entity.data);
      const id = this.upsert.get(entity.type, batch.channel, entity.originId, json, hash, searchText, now, now,
        batch.runId);
      if (id === undefined) counts.unchanged++;
      else if (id > highestId) {
        counts.added++;
        highestId = id;
      } else counts.updated++;
    }
    return counts;
  }

  /** One entity, or undefined. */
  get(type: string, channel: string, originId: string): EntityRecord | undefined {
    const row = this.selectOne.get(type, channel, originId);
    return row && toRecord(row);
  }

  /** Up to `limit` entities matching the filter, ordered by channel then origin id. */
  page(filter: EntityFilter, limit: number): EntityRecord[] {
    const where = entityWhere(filter, () => '?');
    const sql = `SELECT ${COLUMNS} FROM entities WHERE ${where.sql} ORDER BY channel, origin_id LIMIT ?`;
    return this.pages.get(sql).all(...where.params, limit).map(toRecord);
  }

  /** Entity counts per type, for one channel or all. */
  count(channel?: string): Record<string, number> {
    const rows = channel === undefined ? this.countAll.all() : this.countChannel.all(channel);
    return Object.fromEntries(rows.map((row) => [row.type, row.n]));
  }

  /** Deletes the channel's entities; returns how many went. */
  deleteChannel(channel: string): number {
    return this.removeChannel.run(channel).changes;
  }
}

function toRecord(row: EntityRow): EntityRecord {
  return {
    type: row.type,
    channel: row.channel,
    originId: row.origin_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    hash: row.hash,
    firstSeenAt: row.first_seen_at,
    updatedAt: row.updated_at,
    runId: row.run_id,
  };
}
