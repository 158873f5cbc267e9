import type { WebhookFormConfig } from './config-schema.ts';

/** The submitted fields as parsed from the request: text values (arrays for repeated names) or JSON. */
export type SubmittedFields = Record<string, unknown>;

/** What the form makes of a submission: spam to drop, or the fields to keep. */
export type FieldVerdict = { spam: true } | { spam: false; fields: SubmittedFields };

function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(isFilled);
  return true;
}

function lowerCased(value: unknown): unknown {
  if (typeof value === 'string') return value.trim().toLowerCase();
  return Array.isArray(value) ? value.map(lowerCased) : value;
}

/**
 * Applies a form's rules to submitted fields, in this order: a filled honeypot field makes it spam; the
 * honeypot field is removed; only allowed fields are kept (when `fields` is set); `lowerCaseFields` are
 * trimmed and lower-cased.
 * @example applyFormRules({ email: ' Ann@X.org ', website: '' }, { honeypotField: 'website', lowerCaseFields: ['email'] })
 * // { spam: false, fields: { email: 'ann@x.org' } }
 */
export function applyFormRules(submitted: SubmittedFields, config: Pick<WebhookFormConfig, 'honeypotField' | 'fields' | 'lowerCaseFields'>): FieldVerdict {
  const honeypot = config.honeypotField;
  if (honeypot !== undefined && isFilled(submitted[honeypot])) return { spam: true };
  const allowed = config.fields ? new Set(config.fields) : undefined;
  const lower = new Set(config.lowerCaseFields ?? []);
  const fields: SubmittedFields = {};
  for (const [name, value] of Object.entries(submitted)) {
    if (name === honeypot || (allowed && !allowed.has(name))) continue;
    // defineProperty, so a field named "__proto__" stays a plain field instead of changing the prototype.
    Object.defineProperty(fields, name, { value: lower.has(name) ? lowerCased(value) : value, enumerable: true, writable: true, configurable: true });
  }
  return { spam: false, fields };
}
