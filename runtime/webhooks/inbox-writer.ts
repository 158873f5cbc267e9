import { listSubmissionIds } from '../../nodes/webhook/inbox/inbox-folder.ts';
import { inboxCursorOf, inboxDirOf, inboxRootOf, submissionFileName, type StoredSubmission } from '../../nodes/webhook/inbox/submission-file.ts';
import { ensureDurableDir, writeDurably } from './durable-write.ts';
import { highestId, SubmissionIds } from './submission-ids.ts';

/** The committed node states of a flow (the entity store's `getNodeStates`). */
export type NodeStatesOf = (flowId: string) => Promise<Record<string, unknown>>;

/**
 * Writes accepted submissions into the inboxes under `<dataDir>/webhooks`, durably, before the HTTP answer.
 * The first write to an inbox creates its folder durably and seeds the id sequence from the files there
 * and the node's committed cursor.
 * @example const { id } = await writer.write('contact-form', 'form', { email: 'ann@example.org' });
 */
export class InboxWriter {
  private readonly ids = new SubmissionIds();
  private readonly ready = new Map<string, Promise<void>>();

  constructor(
    private readonly dataDir: string,
    private readonly nodeStatesOf: NodeStatesOf,
  ) {}

  /** Stores one submission and resolves once it is on disk, with its id. */
  async write(flowId: string, nodeId: string, fields: Record<string, unknown>): Promise<StoredSubmission> {
    const dir = inboxDirOf(this.dataDir, flowId, nodeId);
    await this.prepare(flowId, nodeId, dir);
    const submission: StoredSubmission = { id: this.ids.next(dir), receivedAt: new Date().toISOString(), fields };
    const content = `${JSON.stringify(submission)}\n`;
    try {
      await writeDurably(dir, submissionFileName(submission.id), content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // The folder was removed while the server ran (someone cleared the data directory): create it again.
      this.ready.delete(dir);
      await this.prepare(flowId, nodeId, dir);
      await writeDurably(dir, submissionFileName(submission.id), content);
    }
    return submission;
  }

  /** A submission id that is never written: what a dropped (spam) submission is answered with. */
  unusedId(flowId: string, nodeId: string): string {
    return this.ids.next(`spam:${flowId}/${nodeId}`);
  }

  private prepare(flowId: string, nodeId: string, dir: string): Promise<void> {
    let ready = this.ready.get(dir);
    if (!ready) {
      ready = (async () => {
        await ensureDurableDir(inboxRootOf(this.dataDir), dir);
        const committed = inboxCursorOf((await this.nodeStatesOf(flowId))[nodeId])?.lastId;
        this.ids.seed(dir, highestId([...(await listSubmissionIds(dir)), committed]));
      })();
      // A failed preparation (disk full, store down) is tried again by the next submission.
      ready.catch(() => this.ready.delete(dir));
      this.ready.set(dir, ready);
    }
    return ready;
  }
}
