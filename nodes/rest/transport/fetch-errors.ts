import { TransportError } from '../../contract/errors.ts';

/** Which request failed: the node that made it and the request line, with secrets already redacted. */
export interface RequestBlame {
  nodeId: string;
  /** For example `GET https://api.example.com/v1/items?page=2`. */
  request: string;
  /** `host:port` the request went to. */
  host: string;
}

const TLS_CODES = /^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|EPROTO)/;

/** Marks the abort reason of a request timeout, to tell it from a cancelled run. */
export class RequestTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
  }
}

function rootCause(error: unknown): { code?: string; message: string } {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  const first = current instanceof AggregateError && current.errors[0] instanceof Error ? current.errors[0] : current;
  const code = (first as NodeJS.ErrnoException).code ?? (current as NodeJS.ErrnoException).code;
  return { code, message: first instanceof Error ? first.message : String(first) };
}

function describe(cause: { code?: string; message: string }, blame: RequestBlame): { why: string; retryable: boolean } {
  const { code, message } = cause;
  if (code === 'ECONNREFUSED') return { why: `the connection to ${blame.host} was refused: is the server running, and are the host and port in baseUrl right?`, retryable: true };
  if (code === 'ENOTFOUND') return { why: `the host name in ${blame.host} was not found (DNS lookup failed): check baseUrl`, retryable: false };
  if (code === 'EAI_AGAIN') return { why: `looking up ${blame.host} failed for now (DNS temporarily unavailable)`, retryable: true };
  if ((code && TLS_CODES.test(code)) || /\b(TLS|SSL|certificate)\b/i.test(message)) {
    return { why: `the TLS (https) connection to ${blame.host} failed: ${message}. Check the server's certificate (a private CA can be trusted with NODE_EXTRA_CA_CERTS) and whether the URL should be http or https`, retryable: false };
  }
  if (message === 'bad port') return { why: `Node's fetch refuses to connect to the port of ${blame.host} (a port browsers block); use another port`, retryable: false };
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') return { why: `the connection to ${blame.host} was closed unexpectedly (${code})`, retryable: true };
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return { why: `connecting to ${blame.host} timed out`, retryable: true };
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return { why: `${blame.host} cannot be reached from this machine (${code})`, retryable: true };
  return { why: `the request failed: ${message}${code ? ` (${code})` : ''}`, retryable: true };
}

/**
 * Turns what `fetch` threw (or the request timeout) into a `TransportError` that says plainly what failed:
 * connection refused, DNS, TLS, timeout, a reset connection. Network faults are retryable; DNS "not
 * found" and TLS failures are not (trying again gives the same answer).
 */
export function networkFailure(error: unknown, blame: RequestBlame): TransportError {
  if (error instanceof RequestTimeout) {
    return new TransportError(
      `node "${blame.nodeId}": ${blame.request} ${error.message} without a complete reply; raise timeoutMs on the transport or check the server.`,
      { nodeId: blame.nodeId, retryable: true, cause: error },
    );
  }
  const { why, retryable } = describe(rootCause(error), blame);
  const sentence = /[.?]$/.test(why) ? why : `${why}.`;
  return new TransportError(`node "${blame.nodeId}": ${blame.request}: ${sentence}`, { nodeId: blame.nodeId, retryable, cause: error });
}
