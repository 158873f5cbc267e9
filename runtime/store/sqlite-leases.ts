import type Database from 'better-sqlite3';

/** Flow leases in SQLite; expiry times are epoch milliseconds from `Date.now()`. */
export class SqliteLeases {
  private readonly take: Database.Statement<[string, string, number, number]>;
  private readonly extend: Database.Statement<[number, string, string]>;
  private readonly remove: Database.Statement<[string, string]>;
  private readonly holder: Database.Statement<[string, number], { owner: string; expires_at: number }>;

  constructor(db: Database.Database) {
    // One statement: insert a free lease, or take over an expired one; a live lease (whoever holds it) stays.
    this.take = db.prepare<[string, string, number, number]>(`INSERT INTO leases (flow_id, owner, expires_at)
      VALUES (?, ?, ?)
      ON CONFLICT (flow_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
      WHERE leases.expires_at <= ?`);
    this.extend = db.prepare<[number, string, string]>('UPDATE leases SET expires_at = ? WHERE flow_id = ? AND owner = ?');
    this.remove = db.prepare<[string, string]>('DELETE FROM leases WHERE flow_id = ? AND owner = ?');
    this.holder = db.prepare<[string, number], { owner: string; expires_at: number }>(
      'SELECT owner, expires_at FROM leases WHERE flow_id = ? AND expires_at > ?');
  }

  /** True when `owner` now holds the lease. */
  acquire(flowId: string, owner: string, ttlMs: number): boolean {
    const now = Date.now();
    return this.take.run(flowId, owner, now + ttlMs, now).changes === 1;
  }

  /** True when `owner` still held the lease and it was extended. */
  renew(flowId: string, owner: string, ttlMs: number): boolean {
    return this.extend.run(Date.now() + ttlMs, flowId, owner).changes === 1;
  }

  /** Frees the lease if `owner` holds it. */
  release(flowId: string, owner: string): void {
    this.remove.run(flowId, owner);
  }

  /** The live lease's owner and expiry, if any. */
  current(flowId: string): { owner: string; expiresAt: string } | undefined {
    const row = this.holder.get(flowId, Date.now());
    return row && { owner: row.owner, expiresAt: new Date(row.expires_at).toISOString() };
  }
}
