import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { NotFoundError } from '../../nodes/contract/errors.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { KeyedLock } from './keyed-lock.ts';

/** One kept version of a flow. */
export interface FlowVersion {
  /** 1, 2, 3 ... per flow, never reused. */
  version: number;
  /** When this version was saved (ISO 8601 UTC). */
  savedAt: string;
  etag: string;
  name: string;
}

interface HistoryDocument {
  flows: Record<string, FlowVersion[]>;
}

/** Default number of versions kept per flow; older ones are pruned. */
export const DEFAULT_HISTORY_LIMIT = 100;

/**
 * Every saved version of every flow: the files under `<dataDir>/history/<flowId>/<n>.flow.json` and an
 * index in the lowdb document `<dataDir>/history.json` (small, readable, easy to back up).
 * @example const history = await FlowHistory.open('./data'); await history.add('shop', text, etag, 'Shop');
 */
export class FlowHistory {
  private readonly lock = new KeyedLock();

  private constructor(
    private readonly db: Low<HistoryDocument>,
    private readonly directory: string,
    private readonly limit: number,
  ) {}

  /** Opens (or creates) the history under `dataDir`. */
  static async open(dataDir: string, limit = DEFAULT_HISTORY_LIMIT): Promise<FlowHistory> {
    await mkdir(dataDir, { recursive: true });
    const db = new Low<HistoryDocument>(new JSONFile(join(dataDir, 'history.json')), { flows: {} });
    await db.read();
    db.data.flows ??= {};
    return new FlowHistory(db, join(dataDir, 'history'), limit);
  }

  /** Keeps `content` as the flow's next version; returns its entry. */
  add(flowId: string, content: string, meta: { etag: string; name: string; savedAt?: string }): Promise<FlowVersion> {
    return this.lock.run('index', async () => {
      const versions = this.db.data.flows[flowId] ?? [];
      const entry: FlowVersion = {
        version: (versions.at(-1)?.version ?? 0) + 1,
        savedAt: meta.savedAt ?? new Date().toISOString(),
        etag: meta.etag,
        name: meta.name,
      };
      await writeFileAtomic(this.fileOf(flowId, entry.version), content);
      const kept = [...versions, entry];
      const pruned = kept.splice(0, Math.max(0, kept.length - this.limit));
      this.db.data.flows[flowId] = kept;
      await this.db.write();
      await Promise.all(pruned.map((old) => rm(this.fileOf(flowId, old.version), { force: true })));
      return entry;
    });
  }

  /** The flow's versions, newest first. */
  list(flowId: string): FlowVersion[] {
    return [...(this.db.data.flows[flowId] ?? [])].reverse();
  }

  /** The newest kept version, if any. */
  latest(flowId: string): FlowVersion | undefined {
    return this.db.data.flows[flowId]?.at(-1);
  }

  /** The text of one version; `NotFoundError` when it is not kept. */
  async read(flowId: string, version: number): Promise<string> {
    const entry = this.db.data.flows[flowId]?.find((item) => item.version === version);
    if (!entry) throw new NotFoundError(`Flow "${flowId}" has no version ${version}; list them with GET /api/flows/${flowId}/versions.`);
    return readFile(this.fileOf(flowId, version), 'utf8');
  }

  private fileOf(flowId: string, version: number): string {
    return join(this.directory, flowId, `${version}.flow.json`);
  }
}
