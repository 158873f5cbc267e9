import { ConfigError, TransportError, type TributaryError } from '../../contract/errors.ts';
import { isTlsCode, isTransientFailure, type SoapFailure } from './soap-failure.ts';

/** Where a failure happened, for the message: the node, the operation and the host (never credentials). */
export interface FailureScene {
  nodeId: string;
  operation: string;
  /** `https://shop.example` — origin only, no user info, path or query. */
  origin: string;
  timeoutMs: number;
  apiUser?: string;
}

/** A URL for messages: origin and path, without user info or query (WSDL URLs may carry basic-auth credentials). */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(an invalid URL)';
  }
}

function networkText(code: string, origin: string): string {
  if (code === 'ENOTFOUND') return `the host of ${origin} does not resolve (DNS: ENOTFOUND); check the host name in wsdlUrl`;
  if (code === 'ECONNREFUSED') return `${origin} refused the connection (ECONNREFUSED); is the shop running, and is the port in wsdlUrl right?`;
  if (isTlsCode(code)) return `the TLS connection to ${origin} failed (${code}); the shop's certificate is not trusted or does not match the host`;
  return `the connection to ${origin} failed (${code})`;
}

function faultText(failure: { code: string; message: string }, scene: FailureScene): string {
  const fault = `fault ${failure.code}: ${failure.message.replace(/\.$/, '')}`;
  switch (failure.code) {
    case '2':
      return scene.operation === 'login'
        ? `Magento refused the API user "${scene.apiUser ?? ''}" or its API key (${fault}). Check apiUser and apiKey against System → Web Services → SOAP/XML-RPC - Users`
        : `Magento denied ${scene.operation} (${fault}). Give the API user's role access to it under System → Web Services → SOAP/XML-RPC - Roles`;
    case '3':
    case '4':
      return `Magento does not offer ${scene.operation} (${fault}); is wsdlUrl Magento's SOAP API v2 (…/api/v2_soap/?wsdl=1)?`;
    case '5':
      return `Magento ended the API session again right after a new login (${fault}); check the session timeout under System → Configuration → Magento Core API`;
    default:
      return /^\d+$/.test(failure.code)
        ? `Magento refused ${scene.operation} (${fault})`
        : `the SOAP server refused ${scene.operation} (${fault}); is wsdlUrl Magento's SOAP API v2 (…/api/v2_soap/?wsdl=1)?`;
  }
}

function httpText(status: number, scene: FailureScene): string {
  const answered = `${scene.origin} answered ${scene.operation} with HTTP ${status}`;
  if (status === 404) return `${answered}; check wsdlUrl (the WSDL's soap:address must point at the shop's SOAP endpoint)`;
  if (status === 401 || status === 403) {
    return `${answered}: the web server itself asks for credentials (HTTP basic auth); put them in wsdlUrl as https://user:password@host/…`;
  }
  if (status === 502 || status === 503 || status === 504) {
    return `${answered} (the shop or a proxy in front of it is overloaded, restarting or timing out)`;
  }
  return `${answered} and a page that is not a SOAP reply (a PHP error on the shop? see its var/log/exception.log)`;
}

/** The plain-language reason for a failure, without node prefix. */
export function failureReason(failure: SoapFailure, scene: FailureScene): string {
  switch (failure.kind) {
    case 'fault':
      return faultText(failure, scene);
    case 'http':
      return httpText(failure.status, scene);
    case 'not-xml':
      return `${scene.origin} answered ${scene.operation} with a reply that is not XML (a PHP error page or a reply cut off mid-way)`;
    case 'timeout':
      return `${scene.origin} sent no reply to ${scene.operation} within ${scene.timeoutMs} ms (timeoutMs)`;
    case 'network':
      return networkText(failure.code, scene.origin);
    case 'aborted':
      return `${scene.operation} was cancelled`;
    default:
      return `${scene.operation} failed: ${failure.message || 'unknown error'}`;
  }
}

/**
 * The error a failed call becomes: a `ConfigError` when the user or key is wrong (fixing the config fixes it), else a
 * `TransportError` that is `retryable` for transient failures. The message names the node and never holds a secret.
 */
export function failureError(failure: SoapFailure, scene: FailureScene, attempts = 1): TributaryError {
  const reason = failureReason(failure, scene);
  const tried = attempts > 1 ? ` (tried ${attempts} times)` : '';
  const message = `node "${scene.nodeId}": ${reason}${tried}${/[.?]$/.test(reason + tried) ? '' : '.'}`;
  if (failure.kind === 'fault' && failure.code === '2' && scene.operation === 'login') {
    return new ConfigError(message, { nodeId: scene.nodeId, field: 'apiKey' });
  }
  const status = failure.kind === 'fault' ? failure.code : failure.kind === 'http' || failure.kind === 'not-xml' ? failure.status : undefined;
  return new TransportError(message, { nodeId: scene.nodeId, retryable: isTransientFailure(failure), status });
}
