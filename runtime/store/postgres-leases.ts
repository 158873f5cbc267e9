import type { Pool } from 'pg';
import type { PostgresTables } from './postgres-schema.ts';

/** Flow leases in PostgreSQL; expiry times are epoch milliseconds from `Date.now()`. */
export class PostgresLeases {
  constructor(private readonly tables: PostgresTables) {}

  /** True when `owner` now holds the lease: it was free or expired. One atomic statement. */
  async acquire(pool: Pool, flowId: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    const result = await pool.query(`INSERT INTO ${this.tables.leases} AS l (flow_id, owner, expires_at)
      VALUES ($1, $2, $3)
      ON CONFLICT (flow_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
      WHERE l.expires_at <= $4`, [flowId, owner, now + ttlMs, now]);
    return result.rowCount === 1;
  }

  /** True when `owner` still held the lease and it was extended. */
  async renew(pool: Pool, flowId: string, owner: string, ttlMs: number): Promise<boolean> {
    const result = await pool.query(`UPDATE ${this.tables.leases} SET expires_at = $1 WHERE flow_id = $2 AND owner = $3`,
      [Date.now() + ttlMs, flowId, owner]);
    return result.rowCount === 1;
  }

  /** Frees the lease if `owner` holds it. */
  async release(pool: Pool, flowId: string, owner: string): Promise<void> {
    await pool.query(`DELETE FROM ${this.tables.leases} WHERE flow_id = $1 AND owner = $2`, [flowId, owner]);
  }

  /** The live lease's owner and expiry, if any. */
  async current(pool: Pool, flowId: string): Promise<{ owner: string; expiresAt: string } | undefined> {
    const result = await pool.query<{ owner: string; expires_at: string }>(
      `SELECT owner, expires_at FROM ${this.tables.leases} WHERE flow_id = $1 AND expires_at > $2`, [flowId, Date.now()]);
    const row = result.rows[0];
    return row && { owner: row.owner, expiresAt: new Date(Number(row.expires_at)).toISOString() };
  }
}
