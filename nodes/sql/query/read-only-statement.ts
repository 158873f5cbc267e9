import { ConfigError } from '../../contract/errors.ts';
import { splitSql, type SqlDialect } from './sql-lexer.ts';

/** Leading keywords of statements that only read. */
export const READ_ONLY_KEYWORDS = ['SELECT', 'WITH', 'VALUES', 'TABLE', 'SHOW'] as const;

function refuse(nodeId: string, why: string): ConfigError {
  return new ConfigError(
    `node "${nodeId}": sql.query only reads, and refuses this query: ${why}. Write one SELECT, WITH, VALUES, TABLE or SHOW statement.`,
    { nodeId, field: 'query' },
  );
}

/** The SQL with comments blanked to spaces and literals to `_`, same length, so only code is seen. */
function maskSql(sql: string, dialect: SqlDialect): string {
  return splitSql(sql, dialect)
    .map((segment) => (segment.kind === 'code' ? segment.text : (segment.kind === 'comment' ? ' ' : '_').repeat(segment.text.length)))
    .join('');
}

/**
 * Checks that `sql` is one statement that only reads: its first keyword (after comments and opening
 * parentheses) is SELECT, WITH, VALUES, TABLE or SHOW, no second statement follows, and it does not
 * write with `SELECT ... INTO`. Returns the statement without a trailing semicolon; throws a
 * `ConfigError` on `query` that says why it was refused. The read-only transaction is the second guard.
 * @example readOnlyStatement('-- all\nSELECT * FROM t;', 'postgres', 'q') // '-- all\nSELECT * FROM t'
 */
export function readOnlyStatement(sql: string, dialect: SqlDialect, nodeId: string): string {
  const masked = maskSql(sql, dialect);
  const keyword = /^[\s(]*([A-Za-z]+)/.exec(masked)?.[1]?.toUpperCase();
  if (keyword === undefined) throw refuse(nodeId, masked.trim() === '' ? 'it is empty' : 'it does not start with a keyword');
  if (!(READ_ONLY_KEYWORDS as readonly string[]).includes(keyword)) throw refuse(nodeId, `it is a ${keyword} statement`);
  const semicolon = masked.indexOf(';');
  if (semicolon !== -1 && masked.slice(semicolon).replace(/;/g, '').trim() !== '') throw refuse(nodeId, 'it holds more than one statement');
  if (/\bINTO\b/i.test(masked)) throw refuse(nodeId, 'SELECT ... INTO writes (a table, variables or a file)');
  return (semicolon === -1 ? sql : sql.slice(0, semicolon)).trim();
}
