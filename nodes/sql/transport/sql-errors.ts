import { ConfigError, TransportError, TributaryError } from '../../contract/errors.ts';

/** Who to name in an error: the node and the database (never its password). */
export interface SqlBlame {
  nodeId: string;
  /** For example `PostgreSQL at db:5432/shop as app`. */
  target: string;
  statementTimeoutMs: number;
}

/** The fields database drivers put on their errors (pg, mysql2, better-sqlite3). */
interface DriverError {
  message: string;
  code?: string;
  errno?: number;
  sqlState?: string;
  sqlMessage?: string;
  position?: string;
}

const RETRYABLE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'PROTOCOL_CONNECTION_LOST', 'ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', '40001', '40P01', '53300', '57P01', '57P02', '57P03']);

function asDriverError(error: unknown): DriverError {
  if (error instanceof AggregateError && error.errors[0] instanceof Error) return error.errors[0] as DriverError;
  return error instanceof Error ? (error as DriverError) : { message: String(error) };
}

/** The SQLSTATE of an error, when the driver gives one. */
function sqlStateOf(error: DriverError): string | undefined {
  if (error.sqlState) return error.sqlState;
  return error.code && /^[0-9A-Z]{5}$/.test(error.code) && !error.code.startsWith('E') ? error.code : undefined;
}

function databaseSays(error: DriverError): string {
  const state = sqlStateOf(error);
  const where = error.position ? ` at character ${error.position}` : '';
  const code = state ? `SQLSTATE ${state}${where}` : (error.code ?? '');
  return `${error.sqlMessage ?? error.message}${code ? ` (${code})` : ''}`;
}

/**
 * The error for a failed connection attempt: refused, unknown host and timeouts are `TransportError`s
 * (retryable except an unknown host); refused credentials or a missing database are `ConfigError`s on `url`.
 */
export function connectFailure(error: unknown, blame: SqlBlame): TributaryError {
  if (error instanceof TributaryError) return error;
  const driver = asDriverError(error);
  const state = sqlStateOf(driver) ?? '';
  const prefix = `node "${blame.nodeId}": cannot connect to ${blame.target}`;
  const options = { nodeId: blame.nodeId, cause: error };
  if (driver.code === 'ECONNREFUSED') return new TransportError(`${prefix}: the connection was refused. Is the server running, and are the host and port in the URL right?`, { ...options, retryable: true });
  if (driver.code === 'ENOTFOUND') return new TransportError(`${prefix}: the host name was not found (DNS). Check the host in the URL.`, { ...options, retryable: false });
  if (driver.code === 'ETIMEDOUT' || /timeout/i.test(driver.message)) return new TransportError(`${prefix}: connecting timed out. Check the host, port and firewall, or raise connectTimeoutMs.`, { ...options, retryable: true });
  if (state.startsWith('28') || driver.code === 'ER_ACCESS_DENIED_ERROR' || driver.code === 'ER_DBACCESS_DENIED_ERROR') {
    return new ConfigError(`${prefix}: the server refused the user or password: ${databaseSays(driver)}. Check the connection URL.`, { ...options, field: 'url' });
  }
  if (state === '3D000' || driver.code === 'ER_BAD_DB_ERROR' || driver.code === 'SQLITE_CANTOPEN' || /does not exist|unable to open/i.test(driver.message)) {
    return new ConfigError(`${prefix}: ${databaseSays(driver)}. Check the database name or file path in the URL.`, { ...options, field: 'url' });
  }
  return new TransportError(`${prefix}: ${databaseSays(driver)}.`, { ...options, retryable: true });
}

/**
 * The error for a query the database refused or that failed midway, showing the database's own message:
 * syntax and unknown-name errors and attempts to write are `ConfigError`s on `query`; a statement timeout
 * and a lost connection are retryable `TransportError`s.
 */
export function queryFailure(error: unknown, blame: SqlBlame): TributaryError {
  if (error instanceof TributaryError) return error;
  const driver = asDriverError(error);
  const state = sqlStateOf(driver) ?? '';
  const options = { nodeId: blame.nodeId, cause: error };
  const says = databaseSays(driver);
  if (state === '25006' || driver.errno === 1792 || driver.code?.startsWith('SQLITE_READONLY')) {
    return new ConfigError(`node "${blame.nodeId}": the query tried to write, and ${blame.target} refused in the read-only transaction: ${says}. sql.query only reads.`, { ...options, field: 'query' });
  }
  if (state === '57014' || driver.errno === 1969 || driver.errno === 3024) {
    return new TransportError(`node "${blame.nodeId}": ${blame.target} cancelled the query after the statement timeout (${blame.statementTimeoutMs} ms): ${says}. Raise statementTimeoutMs on the transport or make the query faster.`, { ...options, retryable: true });
  }
  if (state.startsWith('22')) {
    return new ConfigError(`node "${blame.nodeId}": ${blame.target} refused a value: ${says}. Check config.query and the value bound to :cursor (initialCursor or the saved cursor).`, { ...options, field: 'query' });
  }
  if (state.startsWith('42') || driver.code === 'SQLITE_ERROR' || driver.code === 'SQLITE_RANGE') {
    return new ConfigError(`node "${blame.nodeId}": ${blame.target} refused the query: ${says}. Fix config.query.`, { ...options, field: 'query' });
  }
  const retryable = RETRYABLE_CODES.has(driver.code ?? '') || RETRYABLE_CODES.has(state) || state.startsWith('08');
  return new TransportError(`node "${blame.nodeId}": the query failed on ${blame.target}: ${says}.`, { ...options, retryable });
}
