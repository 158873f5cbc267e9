import type { CheckResult, TransportContext } from '../../contract/context.ts';
import { TributaryError } from '../../contract/errors.ts';
import { bodySnippet } from './http-reply.ts';
import type { RestTransportConfig } from './config-schema.ts';
import { createRestClient } from './rest-client.ts';

function verdict(status: number, statusText: string): { ok: boolean; advice: string } {
  if (status >= 200 && status < 300) return { ok: true, advice: 'the base URL and credentials work' };
  if (status === 401 || status === 403) return { ok: false, advice: 'the server refused the credentials: check the authentication settings and the secret' };
  if (status === 404) return { ok: false, advice: 'the server is reachable but has nothing at this path: check baseUrl, or set checkPath to a path that exists' };
  if (status === 429) return { ok: false, advice: 'the server is rate limiting this client: try again later or lower requestsPerSecond' };
  if (status >= 500) return { ok: false, advice: 'the server is reachable but failing: try again later' };
  return { ok: false, advice: `the server answered ${status} ${statusText}`.trim() };
}

/**
 * The `rest.transport` connection check: one GET of `checkPath` (default: the base URL) with the
 * configured auth, no retries. Says which of network, TLS, credentials or path is at fault.
 */
export async function checkRestConnection(ctx: TransportContext<RestTransportConfig>): Promise<CheckResult> {
  const client = createRestClient(ctx.config, ctx.log);
  try {
    const reply = await client.probe({ path: ctx.config.checkPath, signal: ctx.signal, nodeId: ctx.nodeId });
    const { ok, advice } = verdict(reply.status, reply.statusText);
    const status = `${reply.status}${reply.statusText ? ` ${reply.statusText}` : ''}`;
    const body = ok || reply.text === '' ? '' : ` (body: ${bodySnippet(reply.text)})`;
    return {
      ok,
      message: `GET ${reply.url} answered ${status}${body}: ${advice}.`,
      details: { url: reply.url, status: reply.status, contentType: reply.headers.get('content-type') ?? undefined },
    };
  } catch (error) {
    if (!(error instanceof TributaryError)) throw error;
    return { ok: false, message: error.message.replace(/^node "[^"]*": /, ''), details: { code: error.code } };
  }
}
