import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../contract/errors.ts';
import type { SqlDriverName } from './config-schema.ts';

const PRODUCTS: Record<SqlDriverName, string> = { postgres: 'PostgreSQL', mysql: 'MySQL/MariaDB', sqlite: 'SQLite' };

/** The product name of a driver, for messages. */
export function productName(driver: SqlDriverName): string {
  return PRODUCTS[driver];
}

/**
 * The absolute path of a SQLite database from `url`: a plain path (relative to the working directory),
 * a `file:` URL or `sqlite:` followed by a path.
 * @example sqliteFile('sqlite:data/shop.db') // '/work/data/shop.db'
 */
export function sqliteFile(url: string): string {
  if (url.startsWith('file:')) return fileURLToPath(url);
  return path.resolve(process.cwd(), url.replace(/^sqlite:(\/\/)?/, ''));
}

/**
 * Where a database is, for messages: host, port, database and user, never the password. Throws a
 * `ConfigError` on `url` (without repeating it: it may hold a password) when it cannot be parsed.
 * @example describeTarget('postgres', 'postgres://app:pw@db:5432/shop', 'src') // 'PostgreSQL at db:5432/shop as app'
 */
export function describeTarget(driver: SqlDriverName, url: string, nodeId: string): string {
  if (driver === 'sqlite') return `SQLite file ${sqliteFile(url)}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new ConfigError(`node "${nodeId}": the connection URL is not a valid URL; write it like ${driver}://user:password@host:port/database.`, { nodeId, field: 'url', cause });
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const user = parsed.username ? ` as ${decodeURIComponent(parsed.username)}` : '';
  return `${productName(driver)} at ${parsed.host || 'localhost'}${database ? `/${database}` : ''}${user}`;
}
