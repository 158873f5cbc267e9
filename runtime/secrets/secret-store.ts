import { join } from 'node:path';
import { Low } from 'lowdb';
import { ConfigError } from '../../nodes/contract/errors.ts';
import type { SecretResolver } from '../../nodes/contract/references.ts';
import { KeyedLock } from '../flows/keyed-lock.ts';
import { decryptSecret, encryptSecret, type SecretEntry } from './secret-cipher.ts';
import { loadSecretKeys, type SecretKey, type SecretKeyring } from './secret-keys.ts';
import { PrivateJsonFile } from './private-json-file.ts';

interface SecretDocument {
  version: 1;
  secrets: Record<string, SecretEntry>;
}

/** What the flow repository and the server need from a secret store. */
export interface SecretStore extends SecretResolver {
  resolve(ref: string): Promise<string | undefined>;
  /** Stores (or replaces) the secret under `ref`. */
  set(ref: string, value: string): Promise<void>;
  /** Deletes the secrets under the given refs; unknown refs are ignored. */
  delete(refs: Iterable<string>): Promise<void>;
  /** Refs (never values) starting with `prefix`, sorted. */
  list(prefix?: string): string[];
  /** Every decryptable secret value, for scrubbing logs and answers. */
  knownValues(): ReadonlySet<string>;
}

/**
 * The encrypted secret store: AES-256-GCM entries, each tagged with the id of its key, in the lowdb document
 * `<dataDir>/secrets.json` (mode 0600). Entries written with an older key are re-encrypted with the current
 * one when the store opens, so a rotation completes on the first start with both keys configured.
 * @example const secrets = await EncryptedSecretStore.open('./data', process.env); await secrets.set('shop/soap/apiKey', key);
 */
export class EncryptedSecretStore implements SecretStore {
  private readonly lock = new KeyedLock();
  private readonly plain = new Map<string, string>();
  private changes = 0;

  private constructor(
    private readonly db: Low<SecretDocument>,
    private readonly keyring: SecretKeyring,
  ) {}

  /** Opens (or creates) the store under `dataDir` with the keys from `env`. */
  static async open(dataDir: string, env: Record<string, string | undefined>): Promise<EncryptedSecretStore> {
    const keyring = await loadSecretKeys(dataDir, env);
    const db = new Low<SecretDocument>(new PrivateJsonFile(join(dataDir, 'secrets.json')), { version: 1, secrets: {} });
    await db.read();
    const store = new EncryptedSecretStore(db, keyring);
    await store.rekey();
    return store;
  }

  /** Grows whenever the set of known secret values changes (so scrubbers know when to rebuild). */
  get revision(): number {
    return this.changes;
  }

  /** The id of the key new entries are encrypted with. */
  get currentKeyId(): string {
    return this.keyring.current.id;
  }

  async resolve(ref: string): Promise<string | undefined> {
    if (this.plain.has(ref)) return this.plain.get(ref);
    const entry = this.db.data.secrets[ref];
    return entry ? this.decrypt(ref, entry) : undefined;
  }

  async set(ref: string, value: string): Promise<void> {
    await this.lock.run('db', async () => {
      this.db.data.secrets[ref] = encryptSecret(this.keyring.current, ref, value);
      await this.db.write();
      this.plain.set(ref, value);
      this.changes += 1;
    });
  }

  async delete(refs: Iterable<string>): Promise<void> {
    const gone = [...refs].filter((ref) => ref in this.db.data.secrets);
    if (gone.length === 0) return;
    await this.lock.run('db', async () => {
      for (const ref of gone) {
        delete this.db.data.secrets[ref];
        this.plain.delete(ref);
      }
      this.changes += 1;
      await this.db.write();
    });
  }

  list(prefix = ''): string[] {
    return Object.keys(this.db.data.secrets).filter((ref) => ref.startsWith(prefix)).sort();
  }

  knownValues(): ReadonlySet<string> {
    return new Set(this.plain.values());
  }

  /**
   * Re-encrypts every entry not under the current key with it, and caches the plain values for scrubbing.
   * Returns how many entries were re-encrypted. Entries whose key is not configured stay as they are.
   */
  async rekey(): Promise<number> {
    return this.lock.run('db', async () => {
      let changed = 0;
      for (const [ref, entry] of Object.entries(this.db.data.secrets)) {
        const key = this.keyring.all.get(entry.keyId);
        const value = key ? tryDecrypt(key, ref, entry) : undefined;
        if (value === undefined) continue;
        this.plain.set(ref, value);
        this.changes += 1;
        if (entry.keyId === this.keyring.current.id) continue;
        this.db.data.secrets[ref] = encryptSecret(this.keyring.current, ref, value);
        changed += 1;
      }
      if (changed > 0) await this.db.write();
      return changed;
    });
  }

  private decrypt(ref: string, entry: SecretEntry): string {
    const key = this.keyring.all.get(entry.keyId);
    if (!key) {
      throw new ConfigError(
        `Secret "${ref}" was encrypted with key ${entry.keyId}, which is not configured. ` +
          'Set TRIBUTARY_SECRET_KEY_PREVIOUS to the key it was saved with, or save the value again.',
      );
    }
    const value = decryptSecret(key, ref, entry);
    if (this.plain.get(ref) !== value) this.changes += 1;
    this.plain.set(ref, value);
    return value;
  }
}

/** The plain value, or undefined when the entry does not decrypt (damaged, or bound to another ref). */
function tryDecrypt(key: SecretKey, ref: string, entry: SecretEntry): string | undefined {
  try {
    return decryptSecret(key, ref, entry);
  } catch {
    return undefined;
  }
}
