import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restTransportNode } from '../../../nodes/rest/transport/definition.ts';
import { checkNode } from '../../../runtime/testing/index.ts';
import { startRestFixture, type RestFixture } from '../../fixtures/rest/server.ts';

let api: RestFixture;
beforeAll(async () => {
  api = await startRestFixture();
});
afterAll(() => api.close());

const check = (config: Record<string, unknown>) => checkNode({ definition: restTransportNode, config, nodeId: 'api' });

describe('rest.transport check', () => {
  it('says the base URL and credentials work', async () => {
    const result = await check({ baseUrl: api.url });
    expect(result).toMatchObject({ ok: true, details: { status: 200 } });
    expect(result.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/ answered 200 OK: the base URL and credentials work\.$/);
  });

  it('blames the credentials on a 401, without showing them', async () => {
    const result = await check({ baseUrl: api.url, checkPath: 'auth/bearer/items', authType: 'bearer', token: 'not-the-token' });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/answered 401 Unauthorized .*: the server refused the credentials/);
    expect(result.message).not.toContain('not-the-token');
    expect((await check({ baseUrl: api.url, checkPath: 'auth/bearer/items', authType: 'bearer', token: api.credentials.token })).ok).toBe(true);
  });

  it('blames the path on a 404', async () => {
    const result = await check({ baseUrl: `${api.url}nowhere` });
    expect(result).toMatchObject({ ok: false, details: { status: 404 } });
    expect(result.message).toMatch(/the server is reachable but has nothing at this path/);
  });

  it('says when nothing listens', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const result = await check({ baseUrl: `http://127.0.0.1:${port}` });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/: the connection to 127\.0\.0\.1:\d+ was refused/);
  });

  it('says when the host name does not resolve', async () => {
    const result = await check({ baseUrl: 'http://no-such-host.invalid/api' });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/no-such-host\.invalid(:\d+)?\/api: (the host name .* was not found \(DNS lookup failed\)|looking up .* failed for now)/);
  });
});
