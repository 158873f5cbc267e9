/** Ids for flows and nodes: readable, unique, within the flow file's patterns. */

/**
 * A flow id from a name: lower-case letters, digits, "-" and "_" (the flow file's id pattern).
 * @example flowIdFromName('Contacts (CSV)') // 'contacts-csv'
 */
export function flowIdFromName(name: string): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+|-+$/g, '').slice(0, 70);
  return slug || 'flow';
}

/**
 * `base`, or `base-2`, `base-3` … whichever is not taken.
 * @example uniqueId('csv', new Set(['csv'])) // 'csv-2'
 */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * A node id from a node type: its last segment (`file.csv-source` → `csv-source`), made unique.
 * @example nodeIdForType('magento.customers', new Set()) // 'customers'
 */
export function nodeIdForType(type: string, taken: ReadonlySet<string>): string {
  const last = type.split('.').pop() ?? type;
  const base = last.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 60) || 'node';
  return uniqueId(base, taken);
}

/** The flow file's id rule (what `POST /api/flows/from-template` accepts). */
export const FLOW_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,79}$/;

/**
 * Why a flow id cannot be used, or an empty string.
 * @example flowIdProblem('Shop 1', new Set()) // 'Use lower-case letters, digits, "-" and "_", starting with a letter or digit.'
 */
export function flowIdProblem(id: string, taken: ReadonlySet<string>): string {
  if (!id) return 'A flow id is required.';
  if (id.length > 80) return 'At most 80 characters.';
  if (!FLOW_ID_PATTERN.test(id)) return 'Use lower-case letters, digits, "-" and "_", starting with a letter or digit.';
  if (taken.has(id)) return `A flow with the id "${id}" exists; choose another.`;
  return '';
}
