import type { NodeCatalog } from '../../nodes/contract/catalog.ts';
import { FlowDefinitionError, NotFoundError, type FlowIssue } from '../../nodes/contract/errors.ts';
import type { Flow } from '../../nodes/contract/flow-file.ts';
import { validateFlow } from '../../nodes/contract/validate-flow.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { StaleVersionError, type FlowFileProblem } from './flow-errors.ts';
import { ifMatchAccepts } from './flow-etag.ts';
import type { FlowHistory, FlowVersion } from './flow-history.ts';
import type { FlowRepository, StoredFlow } from './flow-repository.ts';
import { planFlowSecrets } from './flow-secrets.ts';
import { KeyedLock } from './keyed-lock.ts';

/** What `FlowService` is built from. */
export interface FlowServiceOptions {
  repository: FlowRepository;
  history: FlowHistory;
  catalog: NodeCatalog;
  secrets: SecretStore;
  /** Checks beyond `validateFlow` run on every save (the scheduler's cron and time zone check). */
  checks?: ((flow: Flow) => FlowIssue[])[];
  /** Called after every save and restore (the scheduler reschedules). */
  onSaved?: (flow: Flow) => void;
  /** Called after a delete (the scheduler unschedules). */
  onDeleted?: (flowId: string) => void;
}

/** Preconditions of a save or delete: the HTTP `If-Match` / `If-None-Match` headers. */
export interface WritePreconditions {
  ifMatch?: string;
  ifNoneMatch?: string;
}

/** A flow file and what validating it found (hand-edited files may be invalid). */
export interface ListedFlow extends StoredFlow {
  issues: FlowIssue[];
}

/** A kept version; `current` marks the one the flow file holds now. */
export interface ListedVersion extends FlowVersion {
  current: boolean;
}

/**
 * Saving, reading, deleting and restoring flows: validation on every save (all issues at once), secrets moved
 * out of the file, ETag preconditions, history, and the scheduler told. Saves of one flow are serialized.
 * @example const { stored, created } = await flows.save('shop', body, { ifMatch: request.get('if-match') });
 */
export class FlowService {
  private readonly lock = new KeyedLock();

  constructor(private readonly options: FlowServiceOptions) {}

  /** Every problem of a flow as it would be saved, each naming the node and field. */
  validate(input: unknown): FlowIssue[] {
    const { flow, issues } = validateFlow(input, this.options.catalog);
    if (!flow || issues.length > 0) return issues;
    return (this.options.checks ?? []).flatMap((check) => check(flow));
  }

  /** Every flow file with its issues, and the files that are not JSON. */
  async list(): Promise<{ flows: ListedFlow[]; problems: FlowFileProblem[] }> {
    const { flows, problems } = await this.options.repository.list();
    return { flows: flows.map((stored) => ({ ...stored, issues: this.issuesOnDisk(stored) })), problems };
  }

  /** The saved flow, checked as before a run: `FlowDefinitionError` when the file no longer validates. */
  async load(id: string): Promise<Flow> {
    const stored = await this.get(id);
    const issues = this.issuesOnDisk(stored);
    if (issues.length > 0) throw new FlowDefinitionError(`Flow "${id}" is not valid; fix it in the editor or its file:`, issues);
    return stored.flow;
  }

  private issuesOnDisk(stored: StoredFlow): FlowIssue[] {
    const issues = this.validate(stored.flow);
    if (stored.flow?.id !== stored.id) {
      issues.unshift({ code: 'id-mismatch', field: 'id', message: `the file ${stored.id}.flow.json holds the flow id "${String(stored.flow?.id)}"; they must match` });
    }
    return issues;
  }

  /** The flow as stored; `NotFoundError` when there is none. */
  get(id: string): Promise<StoredFlow> {
    return this.options.repository.get(id);
  }

  /** Validates and saves a flow; `FlowDefinitionError` with every issue, `StaleVersionError` on a stale `If-Match`. */
  save(id: string, input: unknown, preconditions: WritePreconditions = {}): Promise<{ stored: StoredFlow; created: boolean }> {
    return this.lock.run(id, async () => {
      const previous = await this.options.repository.find(id).catch(() => undefined);
      checkPreconditions(id, previous, preconditions);
      const body = withPathId(id, input);
      const plan = planFlowSecrets(body as Flow, this.options.catalog);
      const issues = this.validate(plan.flow);
      if (typeof body === 'object' && body !== null && 'id' in body && body.id !== id) {
        issues.unshift({ code: 'id-mismatch', field: 'id', message: `the flow's id "${String(body.id)}" differs from "${id}" in the URL` });
      }
      if (issues.length > 0) throw new FlowDefinitionError(`Flow "${id}" was not saved:`, issues);
      for (const [ref, value] of plan.writes) await this.options.secrets.set(ref, value);
      const stored = await this.options.repository.write(plan.flow, previous);
      await this.options.secrets.delete(this.options.secrets.list(`${id}/`).filter((ref) => !plan.used.has(ref)));
      this.options.onSaved?.(stored.flow);
      return { stored, created: !previous };
    });
  }

  /** Deletes the flow file and its secrets; the history stays. `NotFoundError` when there is no such flow. */
  delete(id: string, preconditions: WritePreconditions = {}): Promise<void> {
    return this.lock.run(id, async () => {
      const previous = await this.options.repository.find(id).catch(() => undefined);
      if (!previous) await this.options.repository.get(id);
      checkPreconditions(id, previous, preconditions);
      await this.options.repository.remove(id);
      await this.options.secrets.delete(this.options.secrets.list(`${id}/`));
      this.options.onDeleted?.(id);
    });
  }

  /** The kept versions, newest first. */
  async versions(id: string): Promise<ListedVersion[]> {
    const current = await this.options.repository.find(id).catch(() => undefined);
    const versions = this.options.history.list(id);
    if (!current && versions.length === 0) throw new NotFoundError(`There is no flow "${id}" and no saved version of it.`);
    return versions.map((version) => ({ ...version, current: version.etag === current?.etag }));
  }

  /** One kept version's flow JSON. */
  async readVersion(id: string, version: number): Promise<Flow> {
    return JSON.parse(await this.options.history.read(id, version)) as Flow;
  }

  /** Saves a kept version again as the newest one (so restoring can itself be undone). */
  async restore(id: string, version: number): Promise<{ stored: StoredFlow; created: boolean }> {
    return this.save(id, await this.readVersion(id, version));
  }
}

function checkPreconditions(id: string, previous: StoredFlow | undefined, preconditions: WritePreconditions): void {
  if (preconditions.ifMatch !== undefined && !ifMatchAccepts(preconditions.ifMatch, previous?.etag)) {
    throw new StaleVersionError(
      previous
        ? `Flow "${id}" was changed since you read it. Reload it (its ETag is now ${previous.etag}) and apply your change again.`
        : `Flow "${id}" does not exist any more; it was deleted since you read it.`,
      { currentEtag: previous?.etag },
    );
  }
  if (preconditions.ifNoneMatch?.trim() === '*' && previous) {
    throw new StaleVersionError(`Flow "${id}" already exists; choose another id or load it first.`, { currentEtag: previous.etag });
  }
}

/** A body without an id takes the one from the URL (a new flow); a different id is reported by `save`. */
function withPathId(id: string, input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || 'id' in input) return input;
  return { ...input, id };
}
