import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-app.ts';
import { GOOD_KEY, peopleFlow } from './test-nodes.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ checkTimeoutMs: 300, env: { TRIBUTARY_TOKEN: 'test-token-0123456789', TRIBUTARY_SECRET_KEY: 'k', API_URL: 'https://env.example.test' } });
});
afterEach(async () => {
  await t.close();
});

describe('GET /api/nodes', () => {
  it('serves definitions without functions, with checkable, source, entity types and problems', async () => {
    const body = (await t.api().get('/api/nodes')).body;
    const api = body.nodes.find((node: { type: string }) => node.type === 'test.api');
    expect(api).toMatchObject({ version: 1, category: 'transport', channelType: 'testapi', checkable: true, source: 'test' });
    expect(api.config.properties.apiKey.writeOnly).toBe(true);
    expect(api.outputs.transport.socket).toBe('transport:test-api');
    expect(api).not.toHaveProperty('open');
    expect(body.nodes.find((node: { type: string }) => node.type === 'test.people').checkable).toBe(false);
    expect(body.entityTypes.map((item: { type: string }) => item.type)).toContain('person');
    expect(body.entityTypes[0].schema).toBeDefined();
    expect(body.problems).toEqual([]);
  });
});

describe('POST /api/nodes/:type/check', () => {
  it('resolves $env references and reports success', async () => {
    const response = await t.api().post('/api/nodes/test.api/check').send({ config: { url: { $env: 'API_URL' }, apiKey: GOOD_KEY } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true, message: 'Connected to https://env.example.test.', details: { region: 'eu' } });
  });

  it('resolves the saved secret placeholder from the secret store', async () => {
    await t.api().put('/api/flows/shop').send(peopleFlow('shop'));
    const response = await t.api().post('/api/nodes/test.api/check').send({ config: { url: 'u', apiKey: { $secret: 'shop/api/apiKey' } }, flowId: 'shop', nodeId: 'api' });
    expect(response.body.ok).toBe(true);
  });

  it('reports a refused connection without echoing the key', async () => {
    const response = await t.api().post('/api/nodes/test.api/check').send({ config: { url: 'u', apiKey: 'a-wrong-key-typed-in' } });
    expect(response.body.ok).toBe(false);
    expect(response.body.message).toBe('The server refused key ***.');
    expect(JSON.stringify(response.body)).not.toContain('a-wrong-key-typed-in');
  });

  it('reports unresolvable references and incomplete settings', async () => {
    const unresolved = await t.api().post('/api/nodes/test.api/check').send({ config: { url: { $env: 'NOT_SET' }, apiKey: { $secret: 'nope/x/y' } } });
    expect(unresolved.body.ok).toBe(false);
    expect(unresolved.body.message).toContain('config.url: environment variable NOT_SET is not set');
    expect(unresolved.body.message).toContain('secret "nope/x/y" is not in the secret store');
    const incomplete = await t.api().post('/api/nodes/test.api/check').send({ config: { url: 'u' } });
    expect(incomplete.body).toMatchObject({ ok: false, details: { issues: [expect.objectContaining({ field: 'config.apiKey' })] } });
  });

  it('gives up after the timeout and aborts the check', async () => {
    const response = await t.api().post('/api/nodes/test.api/check').send({ config: { url: 'u', apiKey: GOOD_KEY, hang: true } });
    expect(response.body.ok).toBe(false);
    expect(response.body.message).toContain('no answer within');
  });

  it('answers 404 for an unknown type and 400 not_checkable for a node without check', async () => {
    expect((await t.api().post('/api/nodes/test.nothing/check').send({ config: {} })).status).toBe(404);
    const notCheckable = await t.api().post('/api/nodes/test.people/check').send({ config: {} });
    expect(notCheckable.status).toBe(400);
    expect(notCheckable.body.error.code).toBe('not_checkable');
  });
});
