import { ConfigError } from '../../contract/errors.ts';
import { compileGetter } from '../field-mapper/paths.ts';
import { compareValues, isEmptyValue, looseEquals, textOf } from './compare.ts';
import type { FilterCondition, FilterConfig, FilterOperator } from './config-schema.ts';

/** A compiled condition or condition set. */
export type RecordPredicate = (record: unknown) => boolean;

type Test = (actual: unknown) => boolean;

/** Builds the test of one operator from the condition; `need` throws a ConfigError when the value is unfit. */
type TestBuilder = (condition: FilterCondition, need: (ok: boolean, what: string) => void) => Test;

const ordered = (check: (order: number) => boolean): TestBuilder => ({ value }, need) => {
  need(typeof value === 'number' || typeof value === 'string', 'a number or text value');
  return (actual) => {
    const order = compareValues(actual, value);
    return order !== undefined && check(order);
  };
};

const affix = (where: 'startsWith' | 'endsWith'): TestBuilder => ({ value }, need) => {
  need(typeof value === 'string' || typeof value === 'number', 'a text value');
  const text = String(value);
  return (actual) => textOf(actual)?.[where](text) ?? false;
};

const presence = (measure: (actual: unknown) => boolean): TestBuilder => ({ value }, need) => {
  need(value === undefined || typeof value === 'boolean', 'true, false or no value');
  const expected = value !== false;
  return (actual) => measure(actual) === expected;
};

const OPERATORS: Record<FilterOperator, TestBuilder> = {
  eq: ({ value }, need) => {
    need(value !== undefined, 'a value');
    return (actual) => looseEquals(actual, value);
  },
  neq: ({ value }, need) => {
    need(value !== undefined, 'a value');
    return (actual) => !looseEquals(actual, value);
  },
  gt: ordered((order) => order > 0),
  gte: ordered((order) => order >= 0),
  lt: ordered((order) => order < 0),
  lte: ordered((order) => order <= 0),
  contains: ({ value }, need) => {
    need(value !== undefined && value !== null, 'a value');
    const needle = String(value);
    return (actual) => (Array.isArray(actual)
      ? actual.some((item) => looseEquals(item, value))
      : textOf(actual)?.includes(needle) ?? false);
  },
  startsWith: affix('startsWith'),
  endsWith: affix('endsWith'),
  matches: ({ value, flags }, need) => {
    need(typeof value === 'string', 'a regular expression (text)');
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(value as string, flags ?? '');
    } catch (error) {
      need(false, `a valid regular expression (${(error as Error).message})`);
    }
    const regexp = pattern as RegExp;
    return (actual) => {
      const text = textOf(actual);
      return text !== undefined && regexp.test(text);
    };
  },
  in: ({ value }, need) => {
    need(Array.isArray(value), 'a list value');
    const options = value as unknown[];
    return (actual) => options.some((option) => looseEquals(actual, option));
  },
  exists: presence((actual) => actual !== undefined && actual !== null),
  empty: presence(isEmptyValue),
};

/**
 * Compiles a filter config into one predicate. Every condition is checked here, once, so a bad value
 * (an invalid regular expression, `in` without a list) is a `ConfigError` naming the field at start.
 * With no conditions, `all` matches every record and `any` none.
 */
export function compileConditions(config: FilterConfig, nodeId: string): RecordPredicate {
  const tests = config.conditions.map((condition, i) => {
    const need = (ok: boolean, what: string): void => {
      if (ok) return;
      const field = `conditions.${i}.value`;
      throw new ConfigError(`node "${nodeId}": config.${field} must be ${what} for "${condition.op}"`, { nodeId, field });
    };
    const read = compileGetter(condition.path);
    const test = OPERATORS[condition.op](condition, need);
    return (record: unknown) => test(read(record));
  });
  if (config.mode === 'any') return (record) => tests.some((test) => test(record));
  return (record) => tests.every((test) => test(record));
}
