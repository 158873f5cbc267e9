import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The API token and whether this start generated it (then `serve` prints it). */
export interface ApiToken {
  token: string;
  source: 'env' | 'file' | 'generated';
}

/**
 * The API bearer token: `TRIBUTARY_TOKEN` when set, else the one in `<dataDir>/token`, else a new random one
 * written there (mode 0600) and reused on every later start.
 * @example const { token } = await loadApiToken('./data', process.env);
 */
export async function loadApiToken(dataDir: string, env: Record<string, string | undefined>): Promise<ApiToken> {
  const fromEnv = env.TRIBUTARY_TOKEN?.trim();
  if (fromEnv) return { token: fromEnv, source: 'env' };
  const file = join(dataDir, 'token');
  try {
    const saved = (await readFile(file, 'utf8')).trim();
    if (saved) return { token: saved, source: 'file' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const token = randomBytes(24).toString('base64url');
  try {
    await writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { token: (await readFile(file, 'utf8')).trim(), source: 'file' };
    throw error;
  }
  return { token, source: 'generated' };
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Compares a presented token with the expected one in constant time: both are hashed first, so neither the
 * content nor the length of the token leaks through timing.
 * @example tokenMatches(presented, token) // true or false
 */
export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}
