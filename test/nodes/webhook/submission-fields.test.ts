import { describe, expect, it } from 'vitest';
import { applyFormRules } from '../../../nodes/webhook/form/submission-fields.ts';

describe('applyFormRules', () => {
  it('calls a submission with a filled honeypot spam, and drops the empty honeypot otherwise', () => {
    expect(applyFormRules({ email: 'a@b.org', website: 'http://spam' }, { honeypotField: 'website' })).toEqual({ spam: true });
    expect(applyFormRules({ email: 'a@b.org', website: ['', 'x'] }, { honeypotField: 'website' })).toEqual({ spam: true });
    expect(applyFormRules({ email: 'a@b.org', website: '  ' }, { honeypotField: 'website' })).toEqual({ spam: false, fields: { email: 'a@b.org' } });
  });

  it('keeps only allowed fields and lower-cases the named ones', () => {
    const verdict = applyFormRules({ email: ' Ann@Example.ORG ', name: 'Ann', admin: 'true' }, { fields: ['email', 'name'], lowerCaseFields: ['email'] });
    expect(verdict).toEqual({ spam: false, fields: { email: 'ann@example.org', name: 'Ann' } });
  });

  it('keeps a field named __proto__ as a plain field', () => {
    const submitted = JSON.parse('{"__proto__": {"polluted": true}, "a": "1"}') as Record<string, unknown>;
    const verdict = applyFormRules(submitted, {});
    expect(verdict.spam).toBe(false);
    if (verdict.spam) return;
    expect(Object.keys(verdict.fields)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(verdict.fields)).toBe(Object.prototype);
  });
});
