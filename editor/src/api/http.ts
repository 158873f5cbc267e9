import { useAuthStore } from '../stores/auth.ts';

/** An error answer of the API: its HTTP status, error code, message and details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** A successful answer: the parsed body, the status and the headers (for `ETag`). */
export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

/** Options of one request. */
export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
}

/**
 * Builds an API path with a query string, leaving out undefined values.
 * @example apiUrl('/api/entities/person', { q: 'ann', cursor: undefined }) // '/api/entities/person?q=ann'
 */
export function apiUrl(path: string, query: RequestOptions['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const { error } = JSON.parse(text) as { error?: { code?: string; message?: string; details?: unknown } };
    if (error) return new ApiError(response.status, error.code ?? 'error', error.message ?? response.statusText, error.details);
  } catch {
    // Not JSON (a proxy's error page): fall through to the status line.
  }
  return new ApiError(response.status, 'http_' + response.status, text.slice(0, 200) || response.statusText);
}

/**
 * Calls the API with the stored bearer token. A 401 asks the user for a token again; every other error
 * answer becomes an `ApiError`.
 * @example const { data } = await request<{ flows: FlowSummary[] }>('GET', '/api/flows')
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const auth = useAuthStore();
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (auth.token) headers.Authorization = `Bearer ${auth.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(apiUrl(path, options.query), {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (response.status === 401) {
    auth.requireToken('The server did not accept the token. Enter a valid one.');
    throw await readError(response);
  }
  if (!response.ok) throw await readError(response);
  const text = response.status === 204 ? '' : await response.text();
  return { data: (text ? JSON.parse(text) : undefined) as T, status: response.status, headers: response.headers };
}

/** A short sentence for any error thrown while talking to the API. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
