/** Query parameters of one request. */
export type QueryParams = Record<string, string>;

/**
 * The URL of `path` under `baseUrl`: the path is appended to the base URL's path (a leading "/" does not
 * climb to the host root), or, when it is an absolute URL (a `Link` header's next page), used as it is.
 * `query` values are set on top of those already in the URL.
 * @example buildUrl('https://api.example.com/v1', '/items', { page: '2' }).href // 'https://api.example.com/v1/items?page=2'
 */
export function buildUrl(baseUrl: string, path: string, query: QueryParams = {}): URL {
  const url = /^https?:\/\//i.test(path)
    ? new URL(path)
    : new URL(path === '' ? baseUrl : `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url;
}

/**
 * The URL as text that is safe for messages and logs: user info and the named query parameters (an API
 * key sent in the query) are replaced by `***`.
 * @example redactUrl(new URL('https://h/x?api_key=s3cret&page=2'), ['api_key']) // 'https://h/x?api_key=***&page=2'
 */
export function redactUrl(url: URL, secretParams: readonly string[]): string {
  const copy = new URL(url.href);
  if (copy.username) copy.username = '***';
  if (copy.password) copy.password = '***';
  for (const name of secretParams) if (copy.searchParams.has(name)) copy.searchParams.set(name, '***');
  return copy.href;
}
