import { decodeCursor } from './page-cursor.ts';
import type { RejectQuery } from './types.ts';

/**
 * The WHERE clause (keyword included, empty when nothing filters) and parameters of a rejects query, for a
 * store whose placeholders `placeholder(n)` makes (`?` for SQLite, `$n` for PostgreSQL), numbered from 1.
 *
 * @example rejectWhere({ runId: 'r1' }, (n) => `$${n}`) // { sql: 'WHERE run_id = $1', params: ['r1'] }
 */
export function rejectWhere(query: RejectQuery, placeholder: (index: number) => string):
  { sql: string; params: (string | number)[] } {
  const filters: [string, string | number][] = [];
  if (query.flowId !== undefined) filters.push(['flow_id =', query.flowId]);
  if (query.runId !== undefined) filters.push(['run_id =', query.runId]);
  if (query.cursor !== undefined) filters.push(['id >', decodeCursor<[number]>(query.cursor, ['number'])[0]]);
  const clauses = filters.map(([column], index) => `${column} ${placeholder(index + 1)}`);
  return {
    sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '',
    params: filters.map(([, value]) => value),
  };
}
