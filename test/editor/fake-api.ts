/**
 * A stand-in for the HTTP API in unit tests: `fetch` answers from a route table. (End-to-end tests run the
 * real server; here the stores and forms are tested on their own.)
 */
import { vi } from 'vitest';

/** A request as a route handler sees it. */
export interface FakeRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

/** What a handler answers. */
export interface FakeAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Routes as `'GET /api/flows/:id'` → handler. */
export type FakeRoutes = Record<string, (request: FakeRequest) => FakeAnswer>;

function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return undefined;
  }
  return params;
}

/** Replaces `fetch` with the route table; returns the requests seen. */
export function installFakeApi(routes: FakeRoutes): FakeRequest[] {
  const seen: FakeRequest[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://editor.test');
    const method = init.method ?? 'GET';
    for (const [key, handler] of Object.entries(routes)) {
      const [routeMethod, pattern] = key.split(' ');
      const params = routeMethod === method ? match(pattern, url.pathname) : undefined;
      if (!params) continue;
      const request: FakeRequest = { method, path: url.pathname, params, query: url.searchParams,
        headers: (init.headers ?? {}) as Record<string, string>, body: init.body ? JSON.parse(String(init.body)) : undefined };
      seen.push(request);
      const answer = handler(request);
      const status = answer.status ?? 200;
      return new Response(status === 204 ? null : JSON.stringify(answer.body ?? {}), { status, headers: answer.headers });
    }
    return new Response(JSON.stringify({ error: { code: 'not_found', message: `no route ${method} ${url.pathname}` } }), { status: 404 });
  });
  return seen;
}
