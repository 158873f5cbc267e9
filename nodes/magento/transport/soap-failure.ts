/**
 * What went wrong with one SOAP exchange, read from whatever node-soap rejected with: an `Error` carrying the SOAP
 * fault in `root.Envelope.Body.Fault` (Magento's numeric fault codes), a plain `{ Fault: 'Invalid XML', response }`
 * object for replies that are not XML (HTML error pages, truncated envelopes), an `Error` with `response` for HTTP
 * errors without a SOAP body, or an axios/Node error (timeout, refused, DNS, TLS).
 */
export type SoapFailure =
  | { kind: 'fault'; code: string; message: string }
  | { kind: 'http'; status: number }
  | { kind: 'not-xml'; status: number }
  | { kind: 'timeout' }
  | { kind: 'network'; code: string }
  | { kind: 'aborted' }
  | { kind: 'other'; message: string };

interface SoapErrorShape {
  message?: unknown;
  code?: unknown;
  name?: unknown;
  root?: { Envelope?: { Body?: { Fault?: { faultcode?: unknown; faultstring?: unknown } } } };
  Fault?: { faultcode?: unknown; faultstring?: unknown };
  response?: { status?: unknown };
  cause?: unknown;
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

function shapeOf(error: unknown): SoapErrorShape {
  return typeof error === 'object' && error !== null ? (error as SoapErrorShape) : { message: String(error) };
}

/** The text of a fault code: `SOAP-ENV:Server` → `Server`, `'5'` → `5`. */
function faultCode(code: unknown): string {
  return String(code ?? '').replace(/^[\w-]+:/, '');
}

/** Classifies a rejection of a node-soap call. */
export function classifySoapFailure(error: unknown): SoapFailure {
  const shape = shapeOf(error);
  const fault = shape.root?.Envelope?.Body?.Fault;
  if (fault && fault.faultcode !== undefined) {
    return { kind: 'fault', code: faultCode(fault.faultcode), message: String(fault.faultstring ?? '').trim() };
  }
  const status = typeof shape.response?.status === 'number' ? shape.response.status : undefined;
  if (shape.name === 'CanceledError' || shape.code === 'ERR_CANCELED' || shape.name === 'AbortError') return { kind: 'aborted' };
  const code = typeof shape.code === 'string' ? shape.code : undefined;
  const message = typeof shape.message === 'string' ? shape.message : '';
  if ((code && TIMEOUT_CODES.has(code)) || /timeout/i.test(message)) return { kind: 'timeout' };
  if (status !== undefined && shape.Fault?.faultstring === 'Invalid XML') {
    return status >= 300 ? { kind: 'http', status } : { kind: 'not-xml', status };
  }
  if (status !== undefined && status >= 300) return { kind: 'http', status };
  if (/Cannot parse response|Text data outside of root node|Unexpected close tag|Unclosed root tag/i.test(message)) {
    return { kind: 'not-xml', status: status ?? 200 };
  }
  if (code) return { kind: 'network', code };
  const causeCode = (shape.cause as { code?: unknown } | undefined)?.code;
  if (typeof causeCode === 'string') return { kind: 'network', code: causeCode };
  return { kind: 'other', message };
}

const TRANSIENT_NETWORK = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_SOCKET_CONNECTION_TIMEOUT']);
const TLS_CODE = /CERT|SSL|TLS|EPROTO|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME_MISMATCH|ALTNAME/i;

/** True for failures worth retrying: timeouts, HTTP 502/503/504, a reply that is not XML, dropped connections. */
export function isTransientFailure(failure: SoapFailure): boolean {
  switch (failure.kind) {
    case 'timeout':
    case 'not-xml':
      return true;
    case 'http':
      return failure.status === 502 || failure.status === 503 || failure.status === 504;
    case 'network':
      return TRANSIENT_NETWORK.has(failure.code);
    default:
      return false;
  }
}

/** True for a TLS/certificate failure code. */
export function isTlsCode(code: string): boolean {
  return TLS_CODE.test(code);
}
