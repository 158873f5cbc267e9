import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRestFixture, type RestFixture } from '../../fixtures/rest/server.ts';
import { PAGINATION_CONFIGS, readCollection } from './rest-harness.ts';

let api: RestFixture;
beforeAll(async () => {
  api = await startRestFixture({ records: 25 });
});
afterAll(() => api.close());

describe('rest.transport rate limit', () => {
  it('spaces requests to at most requestsPerSecond', async () => {
    api.requests.clear();
    const started = performance.now();
    const { outputs } = await readCollection({ baseUrl: api.url, requestsPerSecond: 10 }, { ...PAGINATION_CONFIGS.page, pageSize: 5 });
    expect(outputs.records).toHaveLength(25);
    expect(api.requests.count()).toBe(6);
    // The sixth request at 10/s starts no sooner than 500 ms after the first; the bound leaves room for timer slack.
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);
  });
});
