import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { listSubmissionIds, pruneSubmissions } from '../../nodes/webhook/inbox/inbox-folder.ts';
import { compareSubmissionIds, inboxCursorOf, inboxDirOf, inboxRootOf } from '../../nodes/webhook/inbox/submission-file.ts';

async function subfolders(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Removes temporary files a killed write left behind (never answered 202, so never promised). */
async function removeTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name.startsWith('.') && name.endsWith('.tmp')).map((name) => rm(path.join(dir, name), { force: true })));
}

/**
 * The flow ids that have an inbox folder under `<dataDir>/webhooks`, with leftover temporary files removed.
 * Call at start only, while nothing writes to the inboxes.
 */
export async function listInboxFlows(dataDir: string): Promise<string[]> {
  const root = inboxRootOf(dataDir);
  const flows = await subfolders(root);
  for (const flowId of flows) {
    for (const nodeId of await subfolders(path.join(root, flowId))) await removeTempFiles(path.join(root, flowId, nodeId));
  }
  return flows;
}

/**
 * Deletes the submissions each node's committed cursor covers and counts the rest, over the given nodes'
 * inboxes of one flow.
 */
export async function countPending(dataDir: string, flowId: string, nodeIds: string[], states: Record<string, unknown>): Promise<number> {
  let pending = 0;
  for (const nodeId of nodeIds) {
    const dir = inboxDirOf(dataDir, flowId, nodeId);
    const cursor = inboxCursorOf(states[nodeId]);
    if (cursor) await pruneSubmissions(dir, cursor.lastId);
    const ids = await listSubmissionIds(dir);
    pending += cursor ? ids.filter((id) => compareSubmissionIds(id, cursor.lastId) > 0).length : ids.length;
  }
  return pending;
}

