import type Database from 'better-sqlite3';

/** Prepares each distinct SQL text once, for queries whose text depends on which filters are set. */
export class SqliteStatementCache<Params extends unknown[], Row> {
  private readonly statements = new Map<string, Database.Statement<Params, Row>>();

  constructor(private readonly db: Database.Database) {}

  /** The prepared statement for `sql`, prepared on first use. */
  get(sql: string): Database.Statement<Params, Row> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<Params, Row>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
