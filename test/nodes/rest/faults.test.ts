import { createServer } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../../nodes/contract/errors.ts';
import { startRestFixture, type RestFixture } from '../../fixtures/rest/server.ts';
import { idsOf, readCollection, readError } from './rest-harness.ts';

let api: RestFixture;
beforeEach(async () => {
  api = await startRestFixture({ rateLimitedCalls: 1, retryAfterSeconds: 1, flakyFailures: 2, slowMs: 3000 });
});
afterEach(() => api.close());

/** A port nothing listens on: opened, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('rest.transport faults', () => {
  it('waits for Retry-After on a 429, then reads', async () => {
    const started = performance.now();
    const { outputs } = await readCollection({ baseUrl: api.url, retryDelayMs: 0 }, { path: 'faults/rate-limited' });
    expect(idsOf(outputs.records)).toEqual([1, 2, 3]);
    expect(api.requests.count('/faults/rate-limited')).toBe(2);
    const [first, second] = api.requests.entries;
    expect(second.at - first.at).toBeGreaterThanOrEqual(900);
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('fails instead of waiting when Retry-After is longer than maxRetryDelayMs', async () => {
    const error = await readError({ baseUrl: api.url, maxRetryDelayMs: 500 }, { path: 'faults/rate-limited' });
    expect(error.message).toMatch(/answered 429 Too Many Requests .* asked to retry after 1 s \(Retry-After\), longer than maxRetryDelayMs \(500 ms\)/);
  });

  it('retries a 503 with backoff until it works', async () => {
    const { outputs } = await readCollection({ baseUrl: api.url, retries: 3, retryDelayMs: 10 }, { path: 'faults/flaky' });
    expect(outputs.records).toHaveLength(3);
    expect(api.requests.count('/faults/flaky')).toBe(3);
  });

  it('gives up after the configured retries with a retryable error', async () => {
    const error = await readError({ baseUrl: api.url, retries: 2, retryDelayMs: 10 }, { path: 'faults/server-error' });
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ retryable: true, status: 500 });
    expect(error.message).toMatch(/answered 500 Internal Server Error with application\/json: "\{\\"error\\":\\"internal error\\"\}"\. Gave up after 3 attempts\./);
    expect(api.requests.count()).toBe(3);
  });

  it('fails at once, permanently, on an HTML page, saying what came back', async () => {
    const error = await readError({ baseUrl: api.url, retryDelayMs: 10 }, { path: 'faults/html' });
    expect(error).toMatchObject({ retryable: false, nodeId: 'items' });
    expect(error.message).toMatch(/^node "items": GET http:\/\/127\.0\.0\.1:\d+\/faults\/html answered 200 with text\/html, not JSON; the body starts "<!DOCTYPE html> <html><head><title>Down for maintenance/);
    expect(api.requests.count()).toBe(1);
  });

  it('fails at once on a 404 error page', async () => {
    const error = await readError({ baseUrl: api.url, retryDelayMs: 10 }, { path: 'faults/not-found' });
    expect(error).toMatchObject({ retryable: false, status: 404 });
    expect(error.message).toMatch(/answered 404 Not Found with text\/html: "<!DOCTYPE html>.*Check baseUrl and the connector's path/);
    expect(api.requests.count()).toBe(1);
  });

  it('names the node and shows the start of malformed JSON', async () => {
    const error = await readError({ baseUrl: api.url }, { path: 'faults/malformed' });
    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toMatch(/^node "items": GET .*\/faults\/malformed answered 200 with malformed JSON \(.+\); the body starts "\{\\"items\\": \[\{\\"id\\": 1\}, \{\\"id\\": 2,"/);
  });

  it('says the connection was refused on a closed port', async () => {
    const port = await closedPort();
    const error = await readError({ baseUrl: `http://127.0.0.1:${port}/v1`, retries: 1, retryDelayMs: 10 }, { path: 'items' });
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ retryable: true, nodeId: 'items' });
    expect(error.message).toContain(`GET http://127.0.0.1:${port}/v1/items: the connection to 127.0.0.1:${port} was refused: is the server running`);
    expect(error.message).toContain('Gave up after 2 attempts');
  });

  it('times out a slow reply', async () => {
    const error = await readError({ baseUrl: api.url, timeoutMs: 200, retries: 0 }, { path: 'faults/slow' });
    expect(error).toMatchObject({ retryable: true });
    expect(error.message).toMatch(/faults\/slow timed out after 200 ms without a complete reply; raise timeoutMs/);
  });

  it('follows a redirect on the same origin, and refuses one to another origin', async () => {
    const { outputs } = await readCollection({ baseUrl: api.url }, { path: 'faults/redirect-home' });
    expect(outputs.records).toHaveLength(25);
    const error = await readError({ baseUrl: api.url, authType: 'bearer', token: 'never-leak-me' }, { path: 'faults/redirect-away' });
    expect(error.message).toMatch(/redirects to another origin \(http:\/\/localhost:\d+\); credentials are never sent there/);
    expect(api.requests.count('/none/items')).toBe(1);
  });

  it('stops waiting when the run is cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('cancelled by test')), 100);
    const started = performance.now();
    const error = await readError({ baseUrl: api.url }, { path: 'faults/slow' }, { signal: controller.signal });
    expect(error.message).toBe('cancelled by test');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
