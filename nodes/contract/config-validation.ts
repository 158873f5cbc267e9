import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv, errorField, errorSentence } from './ajv.ts';
import type { AnyNodeDefinition } from './node-definition.ts';
import { isReference } from './references.ts';

/** One config problem: the dotted field and a sentence naming it. */
export interface ConfigIssue {
  field: string;
  message: string;
}

const saveAjv = createAjv();
const runAjv = createAjv({ coerceTypes: true });
const compiled = new WeakMap<object, { save: ValidateFunction; run: ValidateFunction }>();

function validatorsFor(definition: AnyNodeDefinition): { save: ValidateFunction; run: ValidateFunction } {
  let entry = compiled.get(definition.config);
  if (!entry) {
    entry = { save: saveAjv.compile(definition.config), run: runAjv.compile(definition.config) };
    compiled.set(definition.config, entry);
  }
  return entry;
}

/** Throws with ajv's message when a definition's config schema cannot be compiled. */
export function compileConfigSchema(definition: AnyNodeDefinition): void {
  validatorsFor(definition);
}

function valueAt(root: unknown, instancePath: string): unknown {
  let current = root;
  for (const segment of instancePath.split('/').filter(Boolean)) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return current;
}

/** True when the error concerns a `$env`/`$secret` reference (or something inside one): checked at run time. */
function concernsReference(config: unknown, error: ErrorObject): boolean {
  const segments = error.instancePath.split('/').filter(Boolean);
  for (let i = segments.length; i >= 1; i--) {
    if (isReference(valueAt(config, '/' + segments.slice(0, i).join('/')))) return true;
  }
  return false;
}

function toIssues(errors: ErrorObject[] | null | undefined, config: unknown): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const error of errors ?? []) {
    if (concernsReference(config, error)) continue;
    const field = errorField(error, 'config');
    if (issues.some((issue) => issue.field === field)) continue;
    issues.push({ field, message: errorSentence(error, field) });
  }
  return issues;
}

/**
 * Checks a config as saved (references are left unresolved and not type-checked). Does not modify `config`.
 */
export function validateSavedConfig(definition: AnyNodeDefinition, config: unknown): ConfigIssue[] {
  const copy = structuredClone(config);
  const validate = validatorsFor(definition).save;
  return validate(copy) ? [] : toIssues(validate.errors, copy);
}

/**
 * Checks a resolved config at run time, coercing `$env` strings and applying defaults.
 * Returns the config to use, or the issues.
 */
export function prepareRunConfig(
  definition: AnyNodeDefinition,
  resolved: unknown,
): { config: Record<string, unknown>; issues: ConfigIssue[] } {
  const copy = structuredClone(resolved ?? {}) as Record<string, unknown>;
  const validate = validatorsFor(definition).run;
  if (validate(copy)) return { config: copy, issues: [] };
  return { config: copy, issues: toIssues(validate.errors, copy) };
}
