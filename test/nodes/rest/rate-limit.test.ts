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
    const { outputs } = await readCollection({ baseUrl: api.url, requestsPerSecond: 10 }, { ...PAGINATION_CONFIGS.page, pageSize: 5 });
    expect(outputs.records).toHaveLength(25);
    const times = api.requests.entries.map((entry) => entry.at);
    expect(times).toHaveLength(6);
    // Six requests at 10/s take at least 500 ms from the first to the last; allow for timer slack.
    expect(times[5] - times[0]).toBeGreaterThanOrEqual(450);
  });
});
