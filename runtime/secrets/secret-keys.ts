import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One AES-256 key and the id written beside every entry it encrypted. */
export interface SecretKey {
  id: string;
  key: Buffer;
}

/** The key new entries are encrypted with, and every key old entries may still use. */
export interface SecretKeyring {
  current: SecretKey;
  /** By id; includes `current`. */
  all: Map<string, SecretKey>;
  /** Where the current key came from: `env` (TRIBUTARY_SECRET_KEY) or the key file. */
  source: 'env' | 'file';
}

/** The fixed scrypt salt: the same key string must give the same key on every start and machine. */
const SALT = 'tributary-secret-store-v1';
const KEY_FILE = 'secret.key';

/**
 * Turns any key string into a 32-byte AES key with scrypt (N=16384, r=8, p=1, fixed salt) and names it by
 * the first 16 hex digits of the key's sha256, which reveals nothing about the key string.
 * @example deriveSecretKey(process.env.TRIBUTARY_SECRET_KEY!).id // 'a3f09c...'
 */
export function deriveSecretKey(material: string): SecretKey {
  const key = scryptSync(material, SALT, 32, { N: 16384, r: 8, p: 1 });
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

/** Reads `<dataDir>/secret.key`, or creates it (mode 0600, 32 random bytes) when `create` is set. */
async function keyFileMaterial(dataDir: string, create: boolean): Promise<string | undefined> {
  const file = join(dataDir, KEY_FILE);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !create) return undefined;
  }
  await mkdir(dataDir, { recursive: true });
  const material = randomBytes(32).toString('base64url');
  try {
    await writeFile(file, `${material}\n`, { mode: 0o600, flag: 'wx' });
    return material;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await readFile(file, 'utf8')).trim();
    throw error;
  }
}

/**
 * Loads the keys of the secret store. The current key is `TRIBUTARY_SECRET_KEY` when set, else the key file
 * `<dataDir>/secret.key` (generated on first use). Old keys still decrypt: `TRIBUTARY_SECRET_KEY_PREVIOUS`
 * and the key file (when the env key replaced it), so a key can be rotated by setting the new one and
 * moving the old one to `TRIBUTARY_SECRET_KEY_PREVIOUS` for one start.
 */
export async function loadSecretKeys(dataDir: string, env: Record<string, string | undefined>): Promise<SecretKeyring> {
  const envKey = env.TRIBUTARY_SECRET_KEY;
  const fromFile = await keyFileMaterial(dataDir, !envKey);
  const currentMaterial = envKey || fromFile;
  if (!currentMaterial) throw new Error(`No secret key: set TRIBUTARY_SECRET_KEY or let Tributary create ${join(dataDir, KEY_FILE)}.`);
  const current = deriveSecretKey(currentMaterial);
  const all = new Map<string, SecretKey>([[current.id, current]]);
  for (const material of [env.TRIBUTARY_SECRET_KEY_PREVIOUS, fromFile]) {
    if (!material) continue;
    const key = deriveSecretKey(material);
    if (!all.has(key.id)) all.set(key.id, key);
  }
  return { current, all, source: envKey ? 'env' : 'file' };
}
