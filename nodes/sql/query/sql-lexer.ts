/** The SQL dialects `sql.query` reads, by driver. */
export type SqlDialect = 'postgres' | 'mysql' | 'sqlite';

/** A stretch of SQL text: code, a string literal, a quoted identifier or a comment. */
export interface SqlSegment {
  kind: 'code' | 'string' | 'identifier' | 'comment';
  text: string;
}

type Scanner = (sql: string, start: number, dialect: SqlDialect) => { kind: SqlSegment['kind']; end: number } | undefined;

function quoted(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  for (let i = start + 1; i < sql.length; i++) {
    if (backslashEscapes && sql[i] === '\\') i++;
    else if (sql[i] === quote && sql[i + 1] === quote) i++;
    else if (sql[i] === quote) return i + 1;
  }
  return sql.length;
}

function blockComment(sql: string, start: number, nested: boolean): number {
  let depth = 1;
  for (let i = start + 2; i < sql.length; i++) {
    if (nested && sql.startsWith('/*', i)) (depth++, i++);
    else if (sql.startsWith('*/', i) && --depth === 0) return i + 2;
  }
  return sql.length;
}

const scanners: Scanner[] = [
  (sql, i) => (sql.startsWith('--', i) ? { kind: 'comment', end: lineEnd(sql, i) } : undefined),
  (sql, i, d) => (d === 'mysql' && sql[i] === '#' ? { kind: 'comment', end: lineEnd(sql, i) } : undefined),
  (sql, i, d) => (sql.startsWith('/*', i) ? { kind: 'comment', end: blockComment(sql, i, d === 'postgres') } : undefined),
  (sql, i, d) => {
    if (sql[i] !== "'") return undefined;
    const escaped = d === 'mysql' || (d === 'postgres' && /[eE]/.test(sql[i - 1] ?? '') && !/\w/.test(sql[i - 2] ?? ''));
    return { kind: 'string', end: quoted(sql, i, "'", escaped) };
  },
  (sql, i, d) => (sql[i] === '"' ? { kind: d === 'mysql' ? 'string' : 'identifier', end: quoted(sql, i, '"', d === 'mysql') } : undefined),
  (sql, i, d) => (sql[i] === '`' && d !== 'postgres' ? { kind: 'identifier', end: quoted(sql, i, '`', false) } : undefined),
  (sql, i, d) => (sql[i] === '[' && d === 'sqlite' ? { kind: 'identifier', end: closing(sql, i, ']') } : undefined),
  (sql, i, d) => {
    const tag = d === 'postgres' && !/\w/.test(sql[i - 1] ?? '') ? /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 64)) : null;
    return tag ? { kind: 'string', end: closing(sql, i + tag[0].length - 1, tag[0]) } : undefined;
  },
];

function lineEnd(sql: string, start: number): number {
  const end = sql.indexOf('\n', start);
  return end === -1 ? sql.length : end;
}

function closing(sql: string, start: number, close: string): number {
  const end = sql.indexOf(close, start + 1);
  return end === -1 ? sql.length : end + close.length;
}

/**
 * Splits SQL into code, string literals, quoted identifiers and comments, following the dialect's
 * quoting rules (standard `''` escapes, MySQL backslashes and `#` comments, PostgreSQL `E''` strings,
 * `$tag$` bodies and nested block comments, SQLite `[names]`). An unclosed quote runs to the end.
 * @example splitSql("SELECT ';' -- x", 'postgres').map((s) => s.kind) // ['code', 'string', 'code', 'comment']
 */
export function splitSql(sql: string, dialect: SqlDialect): SqlSegment[] {
  const segments: SqlSegment[] = [];
  let code = 0;
  for (let i = 0; i < sql.length; ) {
    const found = scanners.reduce<ReturnType<Scanner>>((hit, scan) => hit ?? scan(sql, i, dialect), undefined);
    if (!found) {
      i++;
      continue;
    }
    if (i > code) segments.push({ kind: 'code', text: sql.slice(code, i) });
    segments.push({ kind: found.kind, text: sql.slice(i, found.end) });
    i = code = found.end;
  }
  if (code < sql.length) segments.push({ kind: 'code', text: sql.slice(code) });
  return segments;
}
