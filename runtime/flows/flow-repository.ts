import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FlowDefinitionError, NotFoundError } from '../../nodes/contract/errors.ts';
import type { Flow } from '../../nodes/contract/flow-file.ts';
import { writeFileAtomic } from './atomic-write.ts';
import type { FlowFileProblem } from './flow-errors.ts';
import { etagOf } from './flow-etag.ts';
import type { FlowHistory } from './flow-history.ts';
import { serializeFlow } from './serialize-flow.ts';

/** A flow as read from disk: its parsed JSON (not yet validated), its exact text and ETag. */
export interface StoredFlow {
  /** The id in the file name (`<id>.flow.json`); a hand-edited file may hold another one. */
  id: string;
  flow: Flow;
  content: string;
  etag: string;
}

const SUFFIX = '.flow.json';

/**
 * The flow files in one directory, `<id>.flow.json` each, and their version history. Plain file I/O:
 * validation, secrets and locking belong to `FlowService`.
 * @example const repository = new FlowRepository('./flows', history); const shop = await repository.find('shop');
 */
export class FlowRepository {
  constructor(
    readonly flowsDir: string,
    private readonly history: FlowHistory,
  ) {}

  /** Every flow file, sorted by id, and the files that could not be parsed. */
  async list(): Promise<{ flows: StoredFlow[]; problems: FlowFileProblem[] }> {
    const names = await readdir(this.flowsDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const flows: StoredFlow[] = [];
    const problems: FlowFileProblem[] = [];
    for (const name of names.filter((file) => file.endsWith(SUFFIX)).sort()) {
      const id = name.slice(0, -SUFFIX.length);
      try {
        const stored = await this.find(id);
        if (stored) flows.push(stored);
      } catch (error) {
        problems.push({ id, file: join(this.flowsDir, name), message: (error as Error).message });
      }
    }
    return { flows, problems };
  }

  /** The flow, or undefined when there is no file; `FlowDefinitionError` when the file is not valid JSON. */
  async find(id: string): Promise<StoredFlow | undefined> {
    let content: string;
    try {
      content = await readFile(this.fileOf(id), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      return { id, flow: JSON.parse(content) as Flow, content, etag: etagOf(content) };
    } catch (error) {
      throw new FlowDefinitionError(`Flow file ${this.fileOf(id)} is not valid JSON; fix it by hand or save the flow again.`, [
        { code: 'malformed-json', message: (error as Error).message },
      ]);
    }
  }

  /** The flow; `NotFoundError` when there is no such file. */
  async get(id: string): Promise<StoredFlow> {
    const stored = await this.find(id);
    if (!stored) throw new NotFoundError(`There is no flow "${id}" in ${this.flowsDir}.`);
    return stored;
  }

  /**
   * Writes the flow atomically in canonical form. The version being replaced is kept in the history first
   * (unless it already is, as the last save), then the new one, so hand edits between saves are kept too.
   */
  async write(flow: Flow, previous: StoredFlow | undefined): Promise<StoredFlow> {
    if (previous && this.history.latest(flow.id)?.etag !== previous.etag) {
      const savedAt = (await stat(this.fileOf(flow.id))).mtime.toISOString();
      await this.history.add(flow.id, previous.content, { etag: previous.etag, name: previous.flow.name ?? flow.id, savedAt });
    }
    const content = serializeFlow(flow);
    await writeFileAtomic(this.fileOf(flow.id), content);
    const etag = etagOf(content);
    if (this.history.latest(flow.id)?.etag !== etag) await this.history.add(flow.id, content, { etag, name: flow.name });
    return { id: flow.id, flow: JSON.parse(content) as Flow, content, etag };
  }

  /** Deletes the flow file (its history is kept, so a deleted flow can be restored). */
  async remove(id: string): Promise<void> {
    await rm(this.fileOf(id), { force: true });
  }

  private fileOf(id: string): string {
    return join(this.flowsDir, `${id}${SUFFIX}`);
  }
}
