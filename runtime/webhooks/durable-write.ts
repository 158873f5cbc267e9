import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory, writeFileAtomic } from '../flows/atomic-write.ts';

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
  await writeFileAtomic(path.join(dir, name), content, { mode: 0o600 });
}
