/**
 * The target of the `rel="next"` link in an RFC 8288 `Link` header, or undefined. Handles several links
 * in one header, quoted or bare `rel` values, and several relation types in one `rel`.
 * @example nextLink('<https://api.example.com/items?page=3>; rel="next", <https://api.example.com/items?page=9>; rel="last"')
 * // 'https://api.example.com/items?page=3'
 */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  const link = /<([^>]*)>((?:\s*;\s*[^;,"=]+(?:=\s*(?:"[^"]*"|[^;,]*))?)*)/g;
  for (const match of header.matchAll(link)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(match[2]);
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (relations.includes('next')) return match[1].trim();
  }
  return undefined;
}
