import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Flushes a directory's entries to disk; some platforms (Windows) cannot open a directory for it. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}

/**
 * Creates `dir` (mode 0700) and its missing parents up to `root`, and flushes each parent's entry, so the
 * folder itself survives a power cut, not only the files later written into it.
 */
export async function ensureDurableDir(root: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const relative = path.relative(root, dir);
  const parts = relative === '' ? [] : relative.split(path.sep);
  await syncDirectory(path.dirname(root));
  for (let i = 0; i <= parts.length; i++) await syncDirectory(path.join(root, ...parts.slice(0, i)));
}

/**
 * Writes `content` as `dir/name` durably: a temporary file (mode 0600) is written and fsynced, renamed to
 * its name and the directory fsynced. When it resolves, the file survives the process being killed and
 * (on filesystems that honour fsync) a power cut; a half-written file is never visible under `name`.
 * @example await writeDurably('data/webhooks/shop/form', '1752570000000000.json', json);
 */
export async function writeDurably(dir: string, name: string, content: string): Promise<void> {
  const temp = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path.join(dir, name));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}
