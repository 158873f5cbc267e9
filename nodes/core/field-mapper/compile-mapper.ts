import type { EntityInput } from '../../contract/batch.ts';
import { ConfigError } from '../../contract/errors.ts';
import type { EntityTypes } from '../../contract/entity-types.ts';
import { coercerFor, type Coercer } from './coerce-value.ts';
import { CoercionFailure, show } from './coercion-failure.ts';
import { compileTemplate } from './compile-template.ts';
import type { FieldMapperConfig, FieldRule } from './config-schema.ts';
import { compactArrays, compileGetter, compileSetter, isIndex, splitPath, type PathSetter } from './paths.ts';

/** One rule, ready for the per-record loop. */
interface CompiledRule {
  target: string;
  read: (record: unknown) => unknown;
  steps: Coercer[];
  set: PathSetter;
  required: boolean;
}

/** A mapper compiled from one config: turns records into entities, sending failures to `reject`. */
export type MapRecords = (records: unknown[], reject: (record: unknown, reason: string) => void) => EntityInput[];

/** Absent means undefined, null, or a string that is empty after trimming. */
function isAbsent(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== 'string') return false;
  // Only a string that starts with whitespace can be blank: skip the trim for the common case.
  return value.length === 0 || (value.charCodeAt(0) <= 32 || value.charCodeAt(0) === 160 ? value.trim() === '' : false);
}

function originIdOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint') return String(value);
  return undefined;
}

function compileRule(rule: FieldRule): CompiledRule {
  const coercions = rule.coerce === undefined ? [] : Array.isArray(rule.coerce) ? rule.coerce : [rule.coerce];
  let read: (record: unknown) => unknown;
  if (rule.source !== undefined) read = compileGetter(rule.source);
  else if (rule.template !== undefined) read = compileTemplate(rule.template);
  else {
    const constant = rule.value;
    // An object constant is copied per record so no two entities share (and could mutate) one object.
    read = typeof constant === 'object' && constant !== null ? () => structuredClone(constant) : () => constant;
  }
  return {
    target: rule.target,
    read,
    steps: coercions.map((coercion) => coercerFor(coercion, rule.scale)),
    set: compileSetter(rule.target),
    required: rule.required ?? false,
  };
}

function checkTargets(config: FieldMapperConfig, registry: EntityTypes, nodeId: string): void {
  const schema = registry.get(config.entityType)?.schema;
  const known = schema?.additionalProperties === false ? new Set(Object.keys(schema.properties ?? {})) : undefined;
  const targets = config.fields.map((rule) => rule.target);
  targets.forEach((target, i) => {
    const field = `fields.${i}.target`;
    const fail = (why: string) => new ConfigError(`node "${nodeId}": config.${field} "${target}" ${why}`, { nodeId, field });
    const segments = splitPath(target);
    if (isIndex(segments[0])) throw fail('must start with a field name');
    if (known && !known.has(segments[0])) throw fail(`is not a field of ${config.entityType} (fields: ${[...known].join(', ')})`);
    const clash = targets.find((other, j) => j !== i && (other === target || other.startsWith(`${target}.`)));
    if (clash) throw fail(`clashes with target "${clash}": a field is set twice or is both a value and an object`);
  });
}

/**
 * Compiles a field-mapper config once: checks the entity type and targets (a `ConfigError` naming the
 * field otherwise) and returns the per-record function.
 */
export function compileMapper(config: FieldMapperConfig, registry: EntityTypes, nodeId: string): MapRecords {
  if (!registry.get(config.entityType)) {
    const known = registry.list().map((info) => info.type).join(', ');
    throw new ConfigError(`node "${nodeId}": config.entityType "${config.entityType}" is not a known entity type (known: ${known})`, {
      nodeId,
      field: 'entityType',
    });
  }
  checkTargets(config, registry, nodeId);
  const type = config.entityType;
  const rules = config.fields.map(compileRule);
  const readOriginId = compileGetter(config.originId);
  const hasArrays = config.fields.some((rule) => splitPath(rule.target).some(isIndex));

  return (records, reject) => {
    const entities: EntityInput[] = [];
    for (const record of records) {
      const rawId = readOriginId(record);
      const originId = originIdOf(rawId);
      if (originId === undefined) {
        const got = isAbsent(rawId) ? '' : ` (${show(rawId)} is not text or a number)`;
        reject(record, `originId: the record has no id at "${config.originId}"${got}`);
        continue;
      }
      const data: Record<string, unknown> = {};
      let rule: CompiledRule | undefined;
      try {
        for (rule of rules) {
          let value = rule.read(record);
          for (let i = 0; i < rule.steps.length && !isAbsent(value); i++) value = rule.steps[i](value);
          if (!isAbsent(value)) rule.set(data, value);
          else if (rule.required) throw new CoercionFailure('is required but the record has no value for it');
        }
      } catch (error) {
        if (!(error instanceof CoercionFailure)) throw error;
        reject(record, `${rule?.target}: ${error.message}`);
        continue;
      }
      if (hasArrays) compactArrays(data);
      const problem = registry.check(type, data);
      if (problem) reject(record, problem);
      else entities.push({ type, originId, data });
    }
    return entities;
  };
}
