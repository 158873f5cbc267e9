/** Which entities a page or export reads: shared by the SQL stores to build the same WHERE clause. */
export interface EntityFilter {
  type: string;
  channel?: string;
  /** Free text; every whitespace-separated term must occur in the entity's search text. */
  text?: string;
  /** Start after this (channel, originId) key. */
  after?: [string, string];
}

/** At most this many search terms are used; more would only slow the query down. */
const MAX_TERMS = 8;

/**
 * The WHERE clause (without the keyword) and its parameters for a filter, for a store whose placeholders
 * `placeholder(n)` makes (`?` for SQLite, `$n` for PostgreSQL). Parameter numbers start at `firstIndex`.
 *
 * @example entityWhere({ type: 'person', text: 'ada' }, () => '?') // { sql: "type = ? AND search_text LIKE ? ESCAPE '\\'", params: ['person', '%ada%'] }
 */
export function entityWhere(filter: EntityFilter, placeholder: (index: number) => string, firstIndex = 1):
  { sql: string; params: string[] } {
  const clauses: string[] = [];
  const params: string[] = [];
  const add = (clause: (...marks: string[]) => string, ...values: string[]): void => {
    const marks = values.map((_value, offset) => placeholder(firstIndex + params.length + offset));
    clauses.push(clause(...marks));
    params.push(...values);
  };
  add((mark) => `type = ${mark}`, filter.type);
  if (filter.channel !== undefined) add((mark) => `channel = ${mark}`, filter.channel);
  for (const term of searchTerms(filter.text)) add((mark) => `search_text LIKE ${mark} ESCAPE '\\'`, likePattern(term));
  if (filter.after) add((channel, originId) => `(channel, origin_id) > (${channel}, ${originId})`, ...filter.after);
  return { sql: clauses.join(' AND '), params };
}

/** The lower-cased search terms of a query text. */
export function searchTerms(text: string | undefined): string[] {
  if (!text) return [];
  return text.toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
