import { createHash } from 'node:crypto';

/**
 * The ETag of a flow file: a strong validator made from a hash of its exact bytes.
 * @example etagOf(serializeFlow(flow)) // '"3q2-7w..."'
 */
export function etagOf(content: string): string {
  return `"${createHash('sha256').update(content, 'utf8').digest('base64url').slice(0, 27)}"`;
}

/**
 * True when an `If-Match` header value matches `etag`: `*` matches any existing file, a list matches when
 * one entry does, and weak validators (`W/"..."`) are compared by their value.
 */
export function ifMatchAccepts(header: string, etag: string | undefined): boolean {
  if (etag === undefined) return false;
  return header.split(',').map((part) => part.trim()).some((part) => part === '*' || part.replace(/^W\//, '') === etag);
}
