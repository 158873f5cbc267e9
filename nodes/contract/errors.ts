/**
 * The error hierarchy every node type and the runtime use. Each error carries a stable `code` (the API maps
 * codes to HTTP statuses in one place), the node id where it applies, the config field when one is to blame,
 * and a cause. Messages say what was wrong and what to do; they never contain a secret.
 */

/** Options shared by every Tributary error. */
export interface TributaryErrorOptions {
  /** The flow node the error belongs to, when there is one. */
  nodeId?: string;
  /** The config field (a JSON pointer or dotted path) to blame, when there is one. */
  field?: string;
  /** The underlying error. */
  cause?: unknown;
}

/** Base class: a user-facing error with a code, an optional node id and field. */
export class TributaryError extends Error {
  readonly code: string;
  readonly nodeId?: string;
  readonly field?: string;

  constructor(code: string, message: string, options: TributaryErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.nodeId = options.nodeId;
    this.field = options.field;
  }
}

/** A node's config (or the environment it reads) is wrong: a user error, fixing the config fixes it. */
export class ConfigError extends TributaryError {
  constructor(message: string, options: TributaryErrorOptions = {}) {
    super('config_invalid', message, options);
  }
}

/** One problem found in a flow definition; `FlowDefinitionError` collects all of them. */
export interface FlowIssue {
  /** Stable machine code, for example `unknown-type` or `incompatible-sockets`. */
  code: string;
  /** What is wrong and what to do, naming the node and field. */
  message: string;
  nodeId?: string;
  field?: string;
}

/** A flow file is malformed or inconsistent; `issues` lists every problem found, not only the first. */
export class FlowDefinitionError extends TributaryError {
  readonly issues: FlowIssue[];

  constructor(message: string, issues: FlowIssue[], options: TributaryErrorOptions = {}) {
    super('flow_invalid', `${message}\n${issues.map((issue) => `  - ${issue.message}`).join('\n')}`, options);
    this.issues = issues;
  }
}

/** Talking to an outside system failed. `retryable` tells transient faults (timeouts, 503) from permanent ones. */
export class TransportError extends TributaryError {
  readonly retryable: boolean;
  /** HTTP status or protocol fault code, when the outside system gave one. */
  readonly status?: number | string;

  constructor(message: string, options: TributaryErrorOptions & { retryable?: boolean; status?: number | string } = {}) {
    super('transport_failed', message, options);
    this.retryable = options.retryable ?? false;
    this.status = options.status;
  }
}

/** The flow is already running elsewhere (its lease is held). */
export class LeaseHeldError extends TributaryError {
  constructor(message: string, options: TributaryErrorOptions = {}) {
    super('flow_busy', message, options);
  }
}

/** A thing asked for does not exist (flow, run, entity, node type). */
export class NotFoundError extends TributaryError {
  constructor(message: string, options: TributaryErrorOptions = {}) {
    super('not_found', message, options);
  }
}

/** The run was cancelled through its AbortSignal. */
export class CancelledError extends TributaryError {
  constructor(message = 'The run was cancelled.', options: TributaryErrorOptions = {}) {
    super('cancelled', message, options);
  }
}

/** A bug: something that should not happen. Reported with its cause. */
export class InternalError extends TributaryError {
  constructor(message: string, options: TributaryErrorOptions = {}) {
    super('internal', message, options);
  }
}

/** True when `error` is a transport fault worth retrying. */
export function isRetryable(error: unknown): boolean {
  return error instanceof TransportError && error.retryable;
}
