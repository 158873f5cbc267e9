import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../nodes/contract/errors.ts';
import { bindCursor, usesCursor } from '../../../nodes/sql/query/bind-cursor.ts';
import { readOnlyStatement } from '../../../nodes/sql/query/read-only-statement.ts';
import type { SqlDialect } from '../../../nodes/sql/query/sql-lexer.ts';

const refusal = (sql: string, dialect: SqlDialect = 'postgres') => {
  try {
    readOnlyStatement(sql, dialect, 'q');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.replace(/^node "q": sql\.query only reads, and refuses this query: /, '').replace(/\. Write one .*$/, '');
  }
  return 'accepted';
};

describe('sql.query statement checks', () => {
  it.each<[string, SqlDialect]>([
    ["-- all of them\n/* x; */ SELECT ';', \"a;b\" FROM t; -- done", 'postgres'],
    ['  (SELECT 1) UNION (SELECT 2);;', 'sqlite'],
    ["SELECT $$;DELETE$$, 'it''s;'", 'postgres'],
    ["SELECT 'a\\';' ;", 'mysql'],
    ['# note\nSHOW TABLES', 'mysql'],
    ['WITH a AS (SELECT 1) SELECT * FROM a', 'sqlite'],
    ['VALUES (1), (2)', 'postgres'],
    ['TABLE customers', 'postgres'],
    ['/* a /* nested; */ still comment; */ SELECT 1', 'postgres'],
  ])('accepts %j', (sql, dialect) => {
    expect(refusal(sql, dialect)).toBe('accepted');
  });

  it.each<[string, string, SqlDialect?]>([
    ['DELETE FROM t', 'it is a DELETE statement'],
    ['/* SELECT */ update t set a = 1', 'it is a UPDATE statement'],
    ['SELECT 1; DELETE FROM t', 'it holds more than one statement'],
    ["SELECT 1; 'x'", 'it holds more than one statement', 'mysql'],
    ['SELECT * INTO copy FROM t', 'SELECT ... INTO writes (a table, variables or a file)'],
    ["SELECT * FROM t INTO OUTFILE '/tmp/x'", 'SELECT ... INTO writes (a table, variables or a file)', 'mysql'],
    ['PRAGMA writable_schema = 1', 'it is a PRAGMA statement', 'sqlite'],
    ['-- nothing here', 'it is empty'],
    ["'SELECT'", 'it does not start with a keyword'],
  ])('refuses %j: %s', (sql, why, dialect) => {
    expect(refusal(sql, dialect)).toBe(why);
  });

  it('returns the statement without its trailing semicolon', () => {
    expect(readOnlyStatement('SELECT 1 ;  -- end\n', 'postgres', 'q')).toBe('SELECT 1');
  });

  it('binds :cursor outside literals and comments, keeping casts', () => {
    const sql = "SELECT ':cursor', x::text FROM t WHERE :cursor::timestamptz IS NULL OR u > :cursor -- :cursor";
    expect(bindCursor(sql, 'postgres', 'V')).toEqual({
      sql: "SELECT ':cursor', x::text FROM t WHERE $1::timestamptz IS NULL OR u > $1 -- :cursor",
      params: ['V'],
    });
    expect(bindCursor('SELECT * FROM t WHERE (:cursor IS NULL OR u > :cursor)', 'mysql', 5)).toEqual({
      sql: 'SELECT * FROM t WHERE (? IS NULL OR u > ?)',
      params: [5, 5],
    });
    expect(usesCursor("SELECT ':cursor' /* :cursor */", 'sqlite')).toBe(false);
    expect(usesCursor('SELECT * FROM t WHERE id > :cursor', 'sqlite')).toBe(true);
  });
});
