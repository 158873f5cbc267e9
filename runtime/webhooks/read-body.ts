import type { IncomingMessage } from 'node:http';
import { bodyTooLarge } from './webhook-errors.ts';

/**
 * Reads a request body of at most `limit` bytes. A declared Content-Length over the limit is refused before
 * reading; a body that grows past it is refused as soon as it does, and the rest is read and dropped (so the
 * 413 answer still reaches the client) without being kept.
 * @example const body = await readLimitedBody(request, 65_536);
 */
export function readLimitedBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(bodyTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      over = true;
      chunks.length = 0;
      reject(bodyTooLarge(limit));
    });
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}
