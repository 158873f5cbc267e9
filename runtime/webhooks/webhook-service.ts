import path from 'node:path';
import { applyFormRules, type SubmittedFields } from '../../nodes/webhook/form/submission-fields.ts';
import { tokenMatches } from '../server/api-token.ts';
import type { RunRecord } from '../store/types.ts';
import { countPending, listInboxFlows } from './inbox-scan.ts';
import { InboxWriter } from './inbox-writer.ts';
import { RateLimiter } from './rate-limiter.ts';
import { resolveFormSource, WEBHOOK_FORM_TYPE, type FormSource, type FormSourceDeps } from './form-source.ts';
import { tokenRefused, TooManySubmissionsError } from './webhook-errors.ts';
import { WebhookRuns } from './webhook-runs.ts';

/** What the webhook service is built from (the app context's parts). */
export interface WebhookServiceOptions extends FormSourceDeps {
  dataDir: string;
  /** Committed node states of a flow (the entity store). */
  nodeStatesOf(flowId: string): Promise<Record<string, unknown>>;
  /** Starts a run with trigger `webhook` (the run manager). */
  startRun(flowId: string): Promise<{ done: Promise<RunRecord> }>;
  /** How long submissions are gathered before a run (default 300 ms). */
  debounceMs?: number;
  /** Wait before trying again while another run holds the flow (default 1 s). */
  retryMs?: number;
}

/** Counters of one form since the server started. */
export interface WebhookStats {
  accepted: number;
  /** Dropped because the honeypot field was filled. */
  spam: number;
}

/**
 * Receives form submissions for `webhook.form` sources: resolves the form, applies its rate limit and
 * token, drops spam, writes the rest durably to the inbox and asks for a (debounced) run. At start,
 * inboxes with pending submissions get a run, so nothing answered 202 is lost by a crash.
 * @example const form = await webhooks.resolve('contact-form', 'form'); await webhooks.submit(form, fields);
 */
export class WebhookService {
  private readonly dataDir: string;
  private readonly writer: InboxWriter;
  private readonly limiter = new RateLimiter();
  private readonly counts = new Map<string, WebhookStats>();
  private readonly runs: WebhookRuns;

  constructor(private readonly options: WebhookServiceOptions) {
    this.dataDir = path.resolve(options.dataDir);
    this.writer = new InboxWriter(this.dataDir, options.nodeStatesOf);
    this.runs = new WebhookRuns({
      start: options.startRun, pending: (flowId) => this.pending(flowId), logger: options.logger,
      debounceMs: options.debounceMs, retryMs: options.retryMs,
    });
  }

  /** The enabled form at `/hooks/<flowId>/<nodeId>`; `NotFoundError` otherwise. */
  resolve(flowId: string, nodeId: string): Promise<FormSource> {
    return resolveFormSource(this.options, flowId, nodeId);
  }

  /** Counts one request against the form's rate limit; `TooManySubmissionsError` when it is used up. */
  admit(form: FormSource): void {
    const verdict = this.limiter.take(`${form.flowId}/${form.nodeId}`, form.config.rateLimitPerMinute ?? 60);
    if (!verdict.allowed) throw new TooManySubmissionsError(verdict.retryAfterSeconds);
  }

  /** Checks the presented token in constant time when the form has one; 401 otherwise. */
  authorize(form: FormSource, presented: string | undefined): void {
    const expected = form.config.token;
    if (expected === undefined) return;
    if (!tokenMatches(presented, expected)) throw tokenRefused(presented === undefined || presented === '');
  }

  /** Stores a submission (spam is dropped, yet answered alike) and asks for a run; resolves once it is on disk. */
  async submit(form: FormSource, submitted: SubmittedFields): Promise<{ id: string }> {
    const stats = this.stats(form.flowId, form.nodeId);
    const verdict = applyFormRules(submitted, form.config);
    if (verdict.spam) {
      stats.spam += 1;
      this.options.logger.info('webhook: submission dropped as spam (honeypot filled)', { flowId: form.flowId, nodeId: form.nodeId, spam: stats.spam });
      return { id: this.writer.unusedId(form.flowId, form.nodeId) };
    }
    const stored = await this.writer.write(form.flowId, form.nodeId, verdict.fields);
    stats.accepted += 1;
    this.runs.request(form.flowId);
    return { id: stored.id };
  }

  /** The form's counters since the server started. */
  stats(flowId: string, nodeId: string): WebhookStats {
    const key = `${flowId}/${nodeId}`;
    let stats = this.counts.get(key);
    if (!stats) this.counts.set(key, (stats = { accepted: 0, spam: 0 }));
    return stats;
  }

  /** Asks for a run of every flow whose inbox holds submissions not yet stored (call once at start). */
  async recover(): Promise<void> {
    for (const flowId of await listInboxFlows(this.dataDir)) {
      const pending = await this.pending(flowId).catch(() => 0);
      if (pending === 0) continue;
      this.options.logger.info('webhook: pending submissions found at start; running the flow', { flowId, pending });
      this.runs.request(flowId);
    }
  }

  /** Resolves once the flow has no webhook run going or planned. */
  whenIdle(flowId: string): Promise<void> {
    return this.runs.whenIdle(flowId);
  }

  /** Cancels planned runs (at shutdown); submissions on disk wait for the next start. */
  stop(): void {
    this.runs.stop();
  }

  /** Deletes the flow's stored submissions and counts the pending ones of its current `webhook.form` nodes. */
  private async pending(flowId: string): Promise<number> {
    const flow = await this.options.getFlow(flowId).then(({ flow: found }) => found, () => undefined);
    const nodeIds = (flow?.nodes ?? []).filter((node) => node.type === WEBHOOK_FORM_TYPE).map((node) => node.id);
    if (nodeIds.length === 0) return 0;
    return countPending(this.dataDir, flowId, nodeIds, await this.options.nodeStatesOf(flowId));
  }
}
