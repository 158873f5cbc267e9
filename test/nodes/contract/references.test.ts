import { describe, expect, it } from 'vitest';
import { isEnvReference, isSecretReference, resolveReferences, type UnresolvedReference } from '../../../nodes/contract/references.ts';

describe('references', () => {
  it('recognises only single-key reference objects', () => {
    expect(isEnvReference({ $env: 'HOME' })).toBe(true);
    expect(isEnvReference({ $env: 'HOME', other: 1 })).toBe(false);
    expect(isSecretReference({ $secret: 'a/b' })).toBe(true);
    expect(isSecretReference({ $secret: 3 })).toBe(false);
  });

  it('resolves nested references, collects secret values and reports what is missing with its path', async () => {
    const problems: UnresolvedReference[] = [];
    const secrets = new Set<string>();
    const config = { url: { $env: 'URL' }, auth: { key: { $secret: 'flow/key' }, user: 'oro' }, list: [{ $env: 'MISSING' }] };
    const resolved = await resolveReferences(config, { URL: 'http://x' }, { resolve: (ref) => (ref === 'flow/key' ? 'k3y-value' : undefined) }, problems, secrets);
    expect(resolved).toEqual({ url: 'http://x', auth: { key: 'k3y-value', user: 'oro' }, list: [undefined] });
    expect([...secrets]).toEqual(['k3y-value']);
    expect(problems).toEqual([{ path: '/list/0', message: 'environment variable MISSING is not set' }]);
  });

  it('says which secret is missing without a value', async () => {
    const problems: UnresolvedReference[] = [];
    await resolveReferences({ key: { $secret: 'gone' } }, {}, undefined, problems, new Set());
    expect(problems).toEqual([{ path: '/key', message: 'secret "gone" is not in the secret store' }]);
  });
});
