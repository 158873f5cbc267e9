import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { SqlDriverName } from '../../../nodes/sql/transport/config-schema.ts';

/** A direct connection the tests set data up with, beside the node under test. */
export interface TestDatabase {
  driver: SqlDriverName;
  /** The `url` to give `sql.transport`. */
  url: string;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** A PostgreSQL connection for setting up test data. */
export async function postgresDatabase(url: string): Promise<TestDatabase> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return { driver: 'postgres', url, exec: async (sql) => void (await client.query(sql)), close: () => client.end() };
}

/** A MySQL/MariaDB connection for setting up test data. */
export async function mysqlDatabase(url: string): Promise<TestDatabase> {
  const connection = await mysql.createConnection({ uri: url, multipleStatements: true });
  return { driver: 'mysql', url, exec: async (sql) => void (await connection.query(sql)), close: () => connection.end() };
}

/** A SQLite file (writable here; the node opens it read-only). */
export function sqliteDatabase(file: string): TestDatabase {
  const db = new Database(file);
  return { driver: 'sqlite', url: file, exec: async (sql) => void db.exec(sql), close: async () => void db.close() };
}
