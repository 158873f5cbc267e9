import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransportError } from '../../../nodes/contract/errors.ts';
import { restTransportNode } from '../../../nodes/rest/transport/definition.ts';
import { prepareTestConfig } from '../../../runtime/testing/index.ts';
import { startRestFixture, type RestFixture } from '../../fixtures/rest/server.ts';
import { idsOf, readCollection, readError } from './rest-harness.ts';

let api: RestFixture;
beforeAll(async () => {
  api = await startRestFixture();
});
afterAll(() => api.close());

type AuthCase = [mode: string, auth: (secret: string) => Record<string, unknown>, secret: () => string];

const cases: AuthCase[] = [
  ['basic', (password) => ({ authType: 'basic', username: api.credentials.username, password }), () => api.credentials.password],
  ['bearer', (token) => ({ authType: 'bearer', token }), () => api.credentials.token],
  ['header', (apiKey) => ({ authType: 'apiKey', apiKeyIn: 'header', apiKeyName: 'X-API-Key', apiKey }), () => api.credentials.apiKey],
  ['query', (apiKey) => ({ authType: 'apiKey', apiKeyIn: 'query', apiKeyName: 'api_key', apiKey }), () => api.credentials.apiKey],
];

describe('rest.transport authentication', () => {
  it.each(cases)('%s: the right secret reads, a wrong one fails with a 401 that does not show it', async (mode, auth, secret) => {
    const collection = { path: `auth/${mode}/items`, recordsPath: 'data' };
    const { outputs } = await readCollection({ baseUrl: api.url, ...auth(secret()) }, collection);
    expect(idsOf(outputs.records)).toEqual([1, 2, 3, 4, 5]);

    const wrong = 'wrong-secret-0000';
    const error = await readError({ baseUrl: api.url, ...auth(wrong) }, collection);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ status: 401, retryable: false, nodeId: 'items' });
    expect(error.message).toMatch(/answered 401 Unauthorized .* Check the transport's authentication settings/);
    expect(error.message).not.toContain(wrong);
    expect(error.message).not.toContain(secret());
  });

  it('sends no credentials with authType none', async () => {
    const error = await readError({ baseUrl: api.url }, { path: 'auth/bearer/items', recordsPath: 'data' });
    expect(error).toMatchObject({ status: 401 });
  });

  it('sends the default headers', async () => {
    const headers = { 'X-API-Key': api.credentials.apiKey };
    const { outputs } = await readCollection({ baseUrl: api.url, headers }, { path: 'auth/header/items', recordsPath: 'data' });
    expect(outputs.records).toHaveLength(5);
  });

  it('requires the secret of the chosen auth type on save, naming the field', async () => {
    await expect(prepareTestConfig({ definition: restTransportNode, config: { baseUrl: api.url, authType: 'basic', username: 'ada' } })).rejects.toThrow(
      /config\.password is required/,
    );
    await expect(prepareTestConfig({ definition: restTransportNode, config: { baseUrl: api.url, authType: 'apiKey', apiKey: 'k' } })).rejects.toThrow(
      /config\.apiKeyName is required/,
    );
  });

  it('marks the secrets writeOnly', () => {
    const properties = restTransportNode.config.properties as Record<string, { writeOnly?: boolean }>;
    const secrets = Object.keys(properties).filter((name) => properties[name].writeOnly);
    expect(secrets.sort()).toEqual(['apiKey', 'password', 'token']);
  });
});
