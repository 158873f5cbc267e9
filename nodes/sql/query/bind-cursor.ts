import { splitSql, type SqlDialect } from './sql-lexer.ts';

/** SQL in the driver's placeholder style with its parameter values. */
export interface BoundQuery {
  sql: string;
  params: unknown[];
}

const CURSOR = /(?<![:\w]):cursor\b/g;

/** True when the query uses the `:cursor` parameter outside literals and comments. */
export function usesCursor(sql: string, dialect: SqlDialect): boolean {
  return splitSql(sql, dialect).some((segment) => segment.kind === 'code' && new RegExp(CURSOR.source).test(segment.text));
}

/**
 * Replaces each `:cursor` outside literals and comments by the driver's placeholder (`$1` for
 * PostgreSQL, `?` for MySQL and SQLite) and binds `value` to it (once per `?`). A `::type` cast stays.
 * @example bindCursor('SELECT * FROM t WHERE id > :cursor', 'postgres', 7) // { sql: 'SELECT * FROM t WHERE id > $1', params: [7] }
 */
export function bindCursor(sql: string, dialect: SqlDialect, value: unknown): BoundQuery {
  const params: unknown[] = [];
  const placeholder = (): string => {
    if (dialect === 'postgres') {
      params[0] = value;
      return '$1';
    }
    params.push(value);
    return '?';
  };
  const text = splitSql(sql, dialect)
    .map((segment) => (segment.kind === 'code' ? segment.text.replace(CURSOR, placeholder) : segment.text))
    .join('');
  return { sql: text, params };
}
