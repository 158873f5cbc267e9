import path from 'node:path';

/**
 * The durable inbox of a `webhook.form` source: one JSON file per accepted submission in
 * `<dataDir>/webhooks/<flowId>/<nodeId>/<id>.json`. The HTTP side writes them (runtime/webhooks); the node
 * reads them. Ids are fixed-width decimal numbers that only grow, so name order is arrival order.
 */

/** What one inbox file holds. */
export interface StoredSubmission {
  /** The submission id, as in the file name. */
  id: string;
  /** When the server accepted it, ISO 8601 UTC. */
  receivedAt: string;
  /** The submitted fields after the honeypot, allow-list and lower-casing were applied. */
  fields: Record<string, unknown>;
}

/** The committed state of a `webhook.form` node: every submission up to this id is stored. */
export interface InboxCursor {
  lastId: string;
}

/** Digits in a submission id: microseconds since 1970 fit in 16 digits until the year 2286. */
export const SUBMISSION_ID_DIGITS = 16;

const SUBMISSION_FILE = new RegExp(`^(\\d{${SUBMISSION_ID_DIGITS}})\\.json$`);

/**
 * The submission id of an inbox file name, or undefined for anything else (temporary files start with a dot).
 * @example submissionIdOf('1752570000000000.json') // '1752570000000000'
 */
export function submissionIdOf(fileName: string): string | undefined {
  return SUBMISSION_FILE.exec(fileName)?.[1];
}

/** The file name of a submission id. */
export function submissionFileName(id: string): string {
  return `${id}.json`;
}

/**
 * Orders two submission ids (negative when `a` came first). Ids have a fixed width, so a longer one (a
 * hand-made file) still sorts after every normal one.
 */
export function compareSubmissionIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The inbox folder of one source under a data directory.
 * @example inboxDirOf('./data', 'contact-form', 'form') // 'data/webhooks/contact-form/form'
 */
export function inboxDirOf(dataDir: string, flowId: string, nodeId: string): string {
  return path.join(dataDir, 'webhooks', flowId, nodeId);
}

/** The folder holding every flow's inboxes under a data directory. */
export function inboxRootOf(dataDir: string): string {
  return path.join(dataDir, 'webhooks');
}

/** The cursor in a node's state, when it is one. */
export function inboxCursorOf(state: unknown): InboxCursor | undefined {
  const lastId = (state as Partial<InboxCursor> | undefined)?.lastId;
  return typeof lastId === 'string' && lastId !== '' ? { lastId } : undefined;
}
