import type { TypeCast } from 'mysql2';
import { localToIso } from './iso-time.ts';

const isZeroDate = (text: string): boolean => text.startsWith('0000-00-00');

/**
 * How `sql.transport` maps MySQL/MariaDB values to JSON: DECIMAL and BIGINT as strings (no float),
 * DATETIME and TIMESTAMP as ISO 8601 UTC (the session runs in UTC; DATETIME is read as UTC), DATE as
 * `YYYY-MM-DD`, zero dates as null, TINYINT(1) and BIT(1) as booleans, JSON (MariaDB's too) as objects,
 * binary strings and BLOBs as base64.
 */
export const mysqlTypeCast: TypeCast = (field, next) => {
  switch (field.type) {
    case 'DATETIME':
    case 'DATETIME2':
    case 'TIMESTAMP':
    case 'TIMESTAMP2': {
      const text = field.string();
      return text === null || isZeroDate(text) ? null : localToIso(text);
    }
    case 'DATE':
    case 'NEWDATE': {
      const text = field.string();
      return text === null || isZeroDate(text) ? null : text;
    }
    case 'NEWDECIMAL':
    case 'DECIMAL':
    case 'LONGLONG':
      return field.string();
    case 'TINY':
      if (field.length !== 1) return next();
      return booleanOf(field.string());
    case 'BIT':
      if (field.length !== 1) break;
      return booleanOf(field.buffer()?.[0]);
    default:
      break;
  }
  if (field.type === 'JSON' || field.extendedFormat === 'json') {
    const text = field.string();
    return text === null ? null : JSON.parse(text);
  }
  const value = next();
  return Buffer.isBuffer(value) ? value.toString('base64') : value;
};

function booleanOf(value: string | number | null | undefined): boolean | null {
  if (value === null || value === undefined) return null;
  return Number(value) !== 0;
}
