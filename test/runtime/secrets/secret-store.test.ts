import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { deriveSecretKey } from '../../../runtime/secrets/secret-keys.ts';
import { EncryptedSecretStore } from '../../../runtime/secrets/secret-store.ts';

const VALUE = 'the-plain-secret-value-4711';
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tributary-secrets-'));
});

const document = () => JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as { secrets: Record<string, { keyId: string; data: string }> };

describe('EncryptedSecretStore', () => {
  it('encrypts with AES-256-GCM under a generated key file (0600) and reads the value back after reopening', async () => {
    const store = await EncryptedSecretStore.open(dataDir, {});
    await store.set('shop/api/apiKey', VALUE);
    expect(await store.resolve('shop/api/apiKey')).toBe(VALUE);
    expect(await store.resolve('shop/api/other')).toBeUndefined();
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
    const text = readFileSync(join(dataDir, 'secrets.json'), 'utf8');
    expect(text).not.toContain(VALUE);
    expect(document().secrets['shop/api/apiKey'].keyId).toBe(store.currentKeyId);
    const reopened = await EncryptedSecretStore.open(dataDir, {});
    expect(await reopened.resolve('shop/api/apiKey')).toBe(VALUE);
    expect(reopened.list()).toEqual(['shop/api/apiKey']);
  });

  it('encrypts the same value differently each time and refuses an entry moved to another ref', async () => {
    const store = await EncryptedSecretStore.open(dataDir, { TRIBUTARY_SECRET_KEY: 'k1' });
    await store.set('a/x/y', VALUE);
    await store.set('b/x/y', VALUE);
    const { secrets } = document();
    expect(secrets['a/x/y'].data).not.toBe(secrets['b/x/y'].data);
    secrets['c/x/y'] = secrets['a/x/y'];
    writeFileSync(join(dataDir, 'secrets.json'), JSON.stringify({ version: 1, secrets }));
    const reopened = await EncryptedSecretStore.open(dataDir, { TRIBUTARY_SECRET_KEY: 'k1' });
    await expect(reopened.resolve('c/x/y')).rejects.toThrow();
    expect(await reopened.resolve('a/x/y')).toBe(VALUE);
  });

  it('reads entries of an old key after rotation and re-encrypts them with the new key', async () => {
    const old = await EncryptedSecretStore.open(dataDir, { TRIBUTARY_SECRET_KEY: 'old key' });
    await old.set('shop/api/apiKey', VALUE);
    const oldId = deriveSecretKey('old key').id;
    expect(document().secrets['shop/api/apiKey'].keyId).toBe(oldId);

    const rotated = await EncryptedSecretStore.open(dataDir, { TRIBUTARY_SECRET_KEY: 'new key', TRIBUTARY_SECRET_KEY_PREVIOUS: 'old key' });
    expect(await rotated.resolve('shop/api/apiKey')).toBe(VALUE);
    expect(document().secrets['shop/api/apiKey'].keyId).toBe(deriveSecretKey('new key').id);

    const newOnly = await EncryptedSecretStore.open(dataDir, { TRIBUTARY_SECRET_KEY: 'new key' });
    expect(await newOnly.resolve('shop/api/apiKey')).toBe(VALUE);
  });

  it('moves from the generated key file to TRIBUTARY_SECRET_KEY without losing entries', async () => {
    const generated = await EncryptedSecretStore.open(dataDir, {});
    await generated.set('x/y/z', VALUE);
    const fromEnv = await EncryptedSecretStore.open(dataDir, { TRIBUTARY_SECRET_KEY: 'chosen key' });
    expect(await fromEnv.resolve('x/y/z')).toBe(VALUE);
  });

  it('says which key is missing, without the value, when an entry cannot be decrypted', async () => {
    const old = await EncryptedSecretStore.open(dataDir, { TRIBUTARY_SECRET_KEY: 'lost key' });
    await old.set('shop/api/apiKey', VALUE);
    const other = await EncryptedSecretStore.open(dataDir, { TRIBUTARY_SECRET_KEY: 'another key' });
    const error = await other.resolve('shop/api/apiKey').catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('TRIBUTARY_SECRET_KEY_PREVIOUS');
    expect((error as Error).message).not.toContain(VALUE);
  });

  it('deletes entries and lists refs by prefix, never values', async () => {
    const store = await EncryptedSecretStore.open(dataDir, { TRIBUTARY_SECRET_KEY: 'k' });
    await store.set('shop/a/x', 'value-one');
    await store.set('shop/b/x', 'value-two');
    await store.set('other/a/x', 'value-three');
    expect(store.list('shop/')).toEqual(['shop/a/x', 'shop/b/x']);
    expect([...store.knownValues()].sort()).toEqual(['value-one', 'value-three', 'value-two']);
    await store.delete(['shop/a/x', 'not/there']);
    expect(store.list()).toEqual(['other/a/x', 'shop/b/x']);
    expect(await store.resolve('shop/a/x')).toBeUndefined();
    expect(store.knownValues().has('value-one')).toBe(false);
  });
});
