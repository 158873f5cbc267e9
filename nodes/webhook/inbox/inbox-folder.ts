import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { compareSubmissionIds, submissionFileName, submissionIdOf, type StoredSubmission } from './submission-file.ts';

/**
 * The submission ids in an inbox folder, oldest first; an inbox that was never written to is empty.
 * @example await listSubmissionIds('data/webhooks/contact-form/form') // ['1752570000000000', ...]
 */
export async function listSubmissionIds(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const ids: string[] = [];
  for (const name of names) {
    const id = submissionIdOf(name);
    if (id !== undefined) ids.push(id);
  }
  return ids.sort(compareSubmissionIds);
}

/** One inbox file as read: the submission, or why it cannot be used. Undefined when the file is gone. */
export type ReadSubmission = { ok: true; submission: StoredSubmission } | { ok: false; reason: string; raw: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and checks one inbox file. */
export async function readSubmission(dir: string, id: string): Promise<ReadSubmission | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dir, submissionFileName(id)), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `submission ${id}: the inbox file is not JSON (${(error as Error).message})`, raw: text.slice(0, 2000) };
  }
  if (!isObject(value) || !isObject(value.fields) || typeof value.receivedAt !== 'string') {
    return { ok: false, reason: `submission ${id}: the inbox file has no "fields" object or "receivedAt"`, raw: text.slice(0, 2000) };
  }
  return { ok: true, submission: { id, receivedAt: value.receivedAt, fields: value.fields } };
}

/**
 * Deletes the submissions up to and including `lastId`: their records are stored and their cursor is
 * committed, so they are never needed again. Returns how many files were deleted.
 */
export async function pruneSubmissions(dir: string, lastId: string): Promise<number> {
  const done = (await listSubmissionIds(dir)).filter((id) => compareSubmissionIds(id, lastId) <= 0);
  await Promise.all(done.map((id) => rm(path.join(dir, submissionFileName(id)), { force: true })));
  return done.length;
}
