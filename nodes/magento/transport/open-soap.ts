import { fileURLToPath } from 'node:url';
import soap from 'soap';
import { ConfigError, TransportError } from '../../contract/errors.ts';
import { REQUIRED_OPERATIONS, type SoapStyle } from '../wire/operations.ts';
import { displayUrl, failureError } from './failure-messages.ts';
import { classifySoapFailure } from './soap-failure.ts';

/** Our copy of a minimal http://schemas.xmlsoap.org/soap/encoding/ schema, which Magento's RPC WSDL imports. */
export const SOAPENC_STUB_PATH = fileURLToPath(new URL('./soapenc-stub.xsd', import.meta.url));

const SOAPENC_NAMESPACE = 'http://schemas.xmlsoap.org/soap/encoding';

/** Maps the soap-encoding schema import to the local stub, so loading a WSDL never reaches the internet. */
export function overrideSoapencImport(location: string): string {
  return location.startsWith(SOAPENC_NAMESPACE) ? SOAPENC_STUB_PATH : location;
}

/** A node-soap client for a Magento WSDL, and how that WSDL binds its operations. */
export interface SoapConnection {
  client: soap.Client;
  style: SoapStyle;
}

/** What opening needs: the WSDL, the per-request timeout, the run's signal, and the node to blame. */
export interface OpenSoapOptions {
  wsdlUrl: string;
  timeoutMs: number;
  signal: AbortSignal;
  nodeId: string;
}

interface WsdlAccess {
  wsdl?: { definitions?: { bindings?: Record<string, { style?: string }> } };
}

/** RPC/encoded (Magento's default) or document/literal (WS-I), read from the WSDL's binding. */
function bindingStyle(client: soap.Client): SoapStyle {
  const bindings = Object.values((client as unknown as WsdlAccess).wsdl?.definitions?.bindings ?? {});
  return bindings.some((binding) => binding.style === 'document') ? 'wsi' : 'rpc';
}

function loadFailure(error: unknown, options: OpenSoapOptions): Error {
  const url = displayUrl(options.wsdlUrl);
  const message = error instanceof Error ? error.message : '';
  const status = /Code: (\d{3})/.exec(message)?.[1];
  const failure = status ? { kind: 'http' as const, status: Number(status) } : classifySoapFailure(error);
  if (failure.kind === 'http' && failure.status === 404) {
    return new ConfigError(`node "${options.nodeId}": the WSDL URL ${url} answered HTTP 404; check wsdlUrl (Magento serves it at …/index.php/api/v2_soap/?wsdl=1).`, {
      nodeId: options.nodeId, field: 'wsdlUrl',
    });
  }
  if (failure.kind === 'other' || failure.kind === 'not-xml') {
    return new ConfigError(`node "${options.nodeId}": ${url} did not return a WSDL (an HTML page or other content came back); set wsdlUrl to the shop's SOAP v2 WSDL, …/index.php/api/v2_soap/?wsdl=1.`, {
      nodeId: options.nodeId, field: 'wsdlUrl',
    });
  }
  const origin = (() => { try { return new URL(options.wsdlUrl).origin; } catch { return url; } })();
  const scene = { nodeId: options.nodeId, operation: 'loading the WSDL', origin, timeoutMs: options.timeoutMs };
  return failureError(failure, scene);
}

/**
 * Loads the WSDL into a node-soap client: offline soap-encoding import, `$attributes` as the attribute key (so a real
 * field named `attributes` — WS-I arguments, Oro bridge fields — stays a field), no cross-client WSDL cache (node-soap
 * would share one parsed WSDL, with its options, between every client of the URL). Checks that the WSDL offers the
 * operations the Magento nodes call, and tells an HTML page or a 404 apart from a network failure.
 */
export async function openSoapClient(options: OpenSoapOptions): Promise<SoapConnection> {
  let client: soap.Client;
  try {
    client = await soap.createClientAsync(options.wsdlUrl, {
      disableCache: true,
      attributesKey: '$attributes',
      wsdl_options: { overrideImportLocation: overrideSoapencImport, timeout: options.timeoutMs, signal: options.signal },
    });
  } catch (error) {
    throw loadFailure(error, options);
  }
  const methods = client as unknown as Record<string, unknown>;
  const missing = REQUIRED_OPERATIONS.filter((operation) => typeof methods[`${operation}Async`] !== 'function');
  if (missing.length === REQUIRED_OPERATIONS.length) {
    throw new ConfigError(`node "${options.nodeId}": ${displayUrl(options.wsdlUrl)} is a WSDL, but not Magento's SOAP API v2 (it has none of login, storeList, salesOrderList …). Use …/index.php/api/v2_soap/?wsdl=1 (…/api/soap/ is the v1 API).`, {
      nodeId: options.nodeId, field: 'wsdlUrl',
    });
  }
  if (missing.length > 0) {
    throw new TransportError(`node "${options.nodeId}": the shop's SOAP v2 WSDL lacks ${missing.join(', ')}; these nodes need Magento 1.7 to 1.9's standard API.`, {
      nodeId: options.nodeId,
    });
  }
  return { client, style: bindingStyle(client) };
}
