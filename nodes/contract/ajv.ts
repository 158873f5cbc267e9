import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Creates the ajv instance Tributary uses: draft-07 compatible, all errors collected, formats on.
 * `coerceTypes` is for run time, where `$env` values arrive as strings.
 */
export function createAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true, ...options });
  addFormats.default(ajv);
  return ajv;
}

/** Turns an ajv error into a dotted field path (`config.retry.maxAttempts`) under `prefix`. */
export function errorField(error: ErrorObject, prefix: string): string {
  const segments = error.instancePath.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') segments.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
  return [prefix, ...segments].filter(Boolean).join('.');
}

/** A readable sentence for an ajv error, naming the field. */
export function errorSentence(error: ErrorObject, field: string): string {
  if (error.keyword === 'required') return `${field} is required`;
  if (error.keyword === 'additionalProperties') return `${field} is not a known setting`;
  if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ');
    return `${field} must be one of ${allowed}`;
  }
  return `${field} ${error.message ?? 'is invalid'}`;
}
