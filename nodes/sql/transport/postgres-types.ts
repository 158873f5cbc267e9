import pg, { type CustomTypesConfig } from 'pg';
import { localToIso, zonedToIso } from './iso-time.ts';

type TextParser = (text: string) => unknown;

const builtIn = (oid: number): TextParser => pg.types.getTypeParser(oid, 'text') as TextParser;
const parseTextArray = builtIn(1009);
const parseBytea = builtIn(17);

function mapNested(value: unknown, map: (item: string) => unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => mapNested(item, map));
  return value === null ? null : map(value as string);
}

function arrayOf(map: (item: string) => unknown): TextParser {
  return (text) => mapNested(parseTextArray(text), map);
}

const same = (text: string): string => text;
const byteaToBase64 = (text: string): string => (parseBytea(text) as Buffer).toString('base64');

/**
 * Text parsers by type oid that differ from pg's defaults, so rows are JSON-ready: dates stay `YYYY-MM-DD`
 * text (pg would make a local-time Date), timestamps become ISO 8601 UTC with every fractional digit,
 * `bytea` becomes base64, intervals stay text, numeric arrays stay decimal strings. `numeric` and `int8`
 * already come as strings, `json`/`jsonb` as objects, `bool` as booleans.
 */
const overrides = new Map<number, TextParser>([
  [1082, same], // date
  [1114, localToIso], // timestamp (read as UTC)
  [1184, zonedToIso], // timestamptz
  [1186, same], // interval
  [17, byteaToBase64], // bytea
  [1182, arrayOf(same)], // date[]
  [1115, arrayOf(localToIso)], // timestamp[]
  [1185, arrayOf(zonedToIso)], // timestamptz[]
  [1187, arrayOf(same)], // interval[]
  [1231, arrayOf(same)], // numeric[]
  [1001, arrayOf((item) => Buffer.from(item.startsWith('\\x') ? item.slice(2) : item, 'hex').toString('base64'))], // bytea[]
]);

/**
 * The type parsers `sql.transport` gives its own PostgreSQL clients and cursors only (pg's global
 * parsers, which other code may rely on, are left alone).
 */
export const postgresTypes: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => overrides.get(oid) ?? pg.types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};
