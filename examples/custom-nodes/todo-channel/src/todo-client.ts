import { TransportError } from 'tributary/contract';

/** A Todo user as the API returns it. */
export interface TodoUser {
  id: number;
  name: string;
  email: string;
  plan: 'free' | 'pro';
  updatedAt: string;
}

/** One page of users and the number of the next page, if there is one. */
export interface TodoPage {
  items: TodoUser[];
  nextPage: number | null;
}

/** What `todo.api` opens: the calls the Todo connectors make. */
export interface TodoClient {
  /** Users changed after `updatedSince` (all when absent), oldest change first, one page at a time. */
  listUsers(options: { updatedSince?: string; page: number; signal: AbortSignal }): Promise<TodoPage>;
  /** Who the token belongs to; used by the connection check. */
  whoAmI(signal: AbortSignal): Promise<{ account: string }>;
}

/** The transport settings a client needs. */
export interface TodoSettings {
  baseUrl: string;
  token: string;
  timeoutMs: number;
}

async function getJson<T>(settings: TodoSettings, path: string, signal: AbortSignal): Promise<T> {
  const url = new URL(path, settings.baseUrl.endsWith('/') ? settings.baseUrl : `${settings.baseUrl}/`);
  let reply: Response;
  try {
    reply = await fetch(url, {
      headers: { authorization: `Bearer ${settings.token}`, accept: 'application/json' },
      signal: AbortSignal.any([signal, AbortSignal.timeout(settings.timeoutMs)]),
    });
  } catch (cause) {
    throw new TransportError(`The Todo API at ${url.origin} did not answer; check baseUrl.`, { retryable: true, cause });
  }
  if (reply.status === 401) throw new TransportError('The Todo API refused the token (HTTP 401); check the token.', { status: 401 });
  if (!reply.ok) {
    throw new TransportError(`The Todo API answered HTTP ${reply.status} for ${url.pathname}.`, { status: reply.status, retryable: reply.status >= 500 || reply.status === 429 });
  }
  return (await reply.json()) as T;
}

/**
 * A client for the Todo API (`GET users?updatedSince=&page=`, `GET me`), bearer token auth.
 * @example const page = await createTodoClient(settings).listUsers({ page: 1, signal });
 */
export function createTodoClient(settings: TodoSettings): TodoClient {
  return {
    listUsers({ updatedSince, page, signal }) {
      const query = new URLSearchParams({ page: String(page) });
      if (updatedSince !== undefined) query.set('updatedSince', updatedSince);
      return getJson<TodoPage>(settings, `users?${query}`, signal);
    },
    whoAmI: (signal) => getJson<{ account: string }>(settings, 'me', signal),
  };
}
