import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretKey } from './secret-keys.ts';

/** One encrypted secret as stored: AES-256-GCM, the ref bound in as additional data. */
export interface SecretEntry {
  /** Id of the key that encrypted it (see `deriveSecretKey`). */
  keyId: string;
  /** 12-byte nonce, base64. */
  iv: string;
  /** GCM authentication tag, base64. */
  tag: string;
  /** Ciphertext, base64. */
  data: string;
  updatedAt: string;
}

function additionalData(ref: string): Buffer {
  // Binding the ref means an entry copied under another ref fails to decrypt instead of leaking there.
  return Buffer.from(`tributary-secret:${ref}`, 'utf8');
}

/**
 * Encrypts one secret value for `ref` with a fresh random nonce.
 * @example const entry = encryptSecret(keyring.current, 'shop/soap/apiKey', 's3cret');
 */
export function encryptSecret(key: SecretKey, ref: string, value: string): SecretEntry {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(additionalData(ref));
  const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return {
    keyId: key.id,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
    updatedAt: new Date().toISOString(),
  };
}

/** Decrypts an entry; throws when the key is wrong or the entry was tampered with. */
export function decryptSecret(key: SecretKey, ref: string, entry: SecretEntry): string {
  const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(entry.iv, 'base64'));
  decipher.setAAD(additionalData(ref));
  decipher.setAuthTag(Buffer.from(entry.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(entry.data, 'base64')), decipher.final()]).toString('utf8');
}
