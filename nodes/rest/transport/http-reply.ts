import { TransportError } from '../../contract/errors.ts';
import type { RequestBlame } from './fetch-errors.ts';
import { isRetryableStatus } from './retry-policy.ts';

/** How much of an unexpected body a message shows. */
const SNIPPET_LENGTH = 100;

/** A reply as read off the wire, body as text. */
export interface RawReply {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

/** The first characters of a body, on one line, quoted, for error messages. */
export function bodySnippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat);
}

function contentTypeOf(reply: RawReply): string {
  return reply.headers.get('content-type')?.split(';')[0].trim() || 'no content-type';
}

function statusHint(status: number): string {
  if (status === 401 || status === 403) return ' Check the transport\'s authentication settings and secret.';
  if (status === 404) return ' Check baseUrl and the connector\'s path.';
  if (status === 429) return ' The server is rate limiting: lower requestsPerSecond on the transport.';
  return '';
}

/**
 * The error for a reply whose status is not 2xx: 4xx are permanent (except 408 and 429), 5xx retryable.
 * The message shows the status, the content type and the start of the body.
 */
export function statusError(reply: RawReply, blame: RequestBlame): TransportError {
  const status = `${reply.status}${reply.statusText ? ` ${reply.statusText}` : ''}`;
  const body = reply.text === '' ? 'an empty body' : `${contentTypeOf(reply)}: ${bodySnippet(reply.text)}`;
  return new TransportError(`node "${blame.nodeId}": ${blame.request} answered ${status} with ${body}.${statusHint(reply.status)}`, {
    nodeId: blame.nodeId,
    retryable: isRetryableStatus(reply.status),
    status: reply.status,
  });
}

/**
 * Parses a 2xx reply's body as JSON. An empty body is `null`. A body that is not JSON fails with what came
 * back (the content type and the first characters): an HTML login or error page, or malformed JSON.
 */
export function parseJsonReply(reply: RawReply, blame: RequestBlame): unknown {
  if (reply.text.trim() === '') return null;
  try {
    return JSON.parse(reply.text);
  } catch (cause) {
    const type = contentTypeOf(reply);
    const what = /json/i.test(type)
      ? `malformed JSON (${(cause as Error).message}); the body starts ${bodySnippet(reply.text)}`
      : `${type}, not JSON; the body starts ${bodySnippet(reply.text)}`;
    throw new TransportError(`node "${blame.nodeId}": ${blame.request} answered ${reply.status} with ${what}.`, {
      nodeId: blame.nodeId,
      retryable: false,
      status: reply.status,
      cause,
    });
  }
}
