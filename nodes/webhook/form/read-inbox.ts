import path from 'node:path';
import type { SourceBatch } from '../../contract/batch.ts';
import type { ProcessContext } from '../../contract/context.ts';
import { listSubmissionIds, pruneSubmissions, readSubmission } from '../inbox/inbox-folder.ts';
import { compareSubmissionIds, inboxCursorOf, inboxDirOf, type InboxCursor, type StoredSubmission } from '../inbox/submission-file.ts';
import type { WebhookFormConfig } from './config-schema.ts';

/** A record as `webhook.form` emits it: the submitted fields plus where it came from. */
export type SubmissionRecord = Record<string, unknown> & { _submissionId: string; _receivedAt: string };

/**
 * The inbox a run reads: the one the runtime set in `config.inboxDir`, else (a run outside the server,
 * `tributary run`) the one under TRIBUTARY_DATA_DIR (default ./data), where `serve` writes it.
 */
export function inboxDirFor(ctx: ProcessContext<WebhookFormConfig>): string {
  if (ctx.config.inboxDir) return ctx.config.inboxDir;
  const dataDir = path.resolve(process.env.TRIBUTARY_DATA_DIR?.trim() || 'data');
  return inboxDirOf(dataDir, ctx.flowId, ctx.nodeId);
}

/** The record of one stored submission. */
export function submissionRecord(submission: StoredSubmission): SubmissionRecord {
  return { ...submission.fields, _submissionId: submission.id, _receivedAt: submission.receivedAt };
}

/**
 * Yields the pending submissions of the node's inbox in arrival order, in batches of the flow's batch
 * size; each batch carries `{ lastId }`, committed by the runtime with the stored records. Submissions up
 * to the committed cursor are deleted first (a run that stopped after committing left them behind).
 */
export async function* readInbox(ctx: ProcessContext<WebhookFormConfig>): AsyncGenerator<SourceBatch<SubmissionRecord, InboxCursor>> {
  const dir = inboxDirFor(ctx);
  const committed = inboxCursorOf(ctx.state);
  if (committed) await pruneSubmissions(dir, committed.lastId);
  const ids = (await listSubmissionIds(dir)).filter((id) => !committed || compareSubmissionIds(id, committed.lastId) > 0);
  let batch: SubmissionRecord[] = [];
  // The id of the last submission handled and not yet covered by a yielded cursor.
  let lastId: string | undefined;
  for (const id of ids) {
    ctx.signal.throwIfAborted();
    const read = await readSubmission(dir, id);
    if (!read) continue;
    if (read.ok) batch.push(submissionRecord(read.submission));
    else ctx.reject({ submissionId: id, raw: read.raw }, read.reason);
    lastId = id;
    if (batch.length >= ctx.batchSize) {
      yield { records: batch, state: { lastId } };
      batch = [];
      lastId = undefined;
    }
  }
  if (lastId !== undefined) yield { records: batch, state: { lastId } };
}
