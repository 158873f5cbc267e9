/**
 * Inline validation of a node's config with ajv, through the contract's `validateSavedConfig`: the same
 * schema compilation, the same messages and the same rule the server applies on save (references are left
 * for run time and never flagged).
 */
import type { NodeTypeInfo } from '../api/types.ts';
import { validateSavedConfig } from '../../../nodes/contract/config-validation.ts';
import { plainCopy } from '../lib/format.ts';

/** Errors by field key (`columns.0.name`), each a short message (`is required`). */
export type FieldErrors = Record<string, string>;

/**
 * Validates `config` against the node type's schema.
 * @example validateConfig(csvType, {}) // { path: 'is required' }
 */
export function validateConfig(definition: NodeTypeInfo, config: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of validateSavedConfig(definition, plainCopy(config ?? {}))) {
    const key = issue.field.replace(/^config\.?/, '');
    const message = issue.message.startsWith(issue.field + ' ') ? issue.message.slice(issue.field.length + 1) : issue.message;
    errors[key] ??= message;
  }
  return errors;
}

/** The server's issues for one node turned into field errors (`config.path` → `path`). */
export function serverFieldErrors(issues: readonly { field?: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    if (!issue.field?.startsWith('config')) continue;
    errors[issue.field.replace(/^config\.?/, '')] ??= issue.message;
  }
  return errors;
}
