import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, TransportError } from '../../../nodes/contract/errors.ts';
import { startRestFixture, type RestFixture } from '../../fixtures/rest/server.ts';
import { PAGINATION_CONFIGS, idsOf, range, readCollection, readError } from './rest-harness.ts';

let api: RestFixture;
beforeAll(async () => {
  api = await startRestFixture({ records: 25 });
});
afterAll(() => api.close());

const transport = () => ({ baseUrl: api.url, retries: 0 });

describe('rest.collection pagination', () => {
  it.each([
    ['none', 1],
    ['page', 3],
    ['offset', 3],
    ['cursor', 3],
    ['link', 3],
  ])('%s: reads every record exactly once, in %i requests', async (style, requests) => {
    api.requests.clear();
    const { outputs, states } = await readCollection(transport(), { ...PAGINATION_CONFIGS[style], pageSize: 10 });
    expect(idsOf(outputs.records)).toEqual(range(25));
    expect(api.requests.count()).toBe(requests);
    expect(states).toEqual([]);
  });

  it('sends the page size and page parameters the config names', async () => {
    api.requests.clear();
    await readCollection(transport(), { ...PAGINATION_CONFIGS.page, pageSize: 10, firstPage: 1, query: { status: 'active', vip: true } });
    expect(api.requests.entries.map((entry) => entry.query)).toEqual([1, 2, 3].map((page) => ({ status: 'active', vip: 'true', per_page: '10', page: String(page) })));
  });

  it('reads on to an empty page when stopOnShortPage is off', async () => {
    api.requests.clear();
    const { outputs } = await readCollection(transport(), { ...PAGINATION_CONFIGS.offset, pageSize: 10, stopOnShortPage: false });
    expect(idsOf(outputs.records)).toEqual(range(25));
    expect(api.requests.count()).toBe(4);
  });

  it('splits a page larger than the batch size into batches', async () => {
    const { batches } = await readCollection(transport(), { ...PAGINATION_CONFIGS.page, pageSize: 10 }, { batchSize: 4 });
    expect(batches.map((batch) => batch.records.length)).toEqual([4, 4, 2, 4, 4, 2, 4, 1]);
  });

  it('fills path parameters', async () => {
    const { outputs } = await readCollection(transport(), { path: '{style}/items', pathParams: { style: 'none' } });
    expect(outputs.records).toHaveLength(25);
    const error = await readError(transport(), { path: '{style}/items' });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ nodeId: 'items', field: 'pathParams', message: expect.stringContaining('{style}') });
  });

  it('says where it looked when recordsPath does not hold an array', async () => {
    const error = await readError(transport(), { ...PAGINATION_CONFIGS.page, recordsPath: 'data.rows' });
    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toMatch(/node "items": recordsPath "data\.rows" .* holds nothing \(the body is an object with keys data, meta\)/);
  });

  it('stops with an error when the next token repeats', async () => {
    api.requests.clear();
    const error = await readError(transport(), { ...PAGINATION_CONFIGS.cursor, path: 'loop/cursor/items' });
    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toMatch(/next token "same-token" again/);
    expect(api.requests.count()).toBe(2);
  });

  it('stops with an error when the Link header points to a page already read', async () => {
    const error = await readError(transport(), { path: 'loop/link/items', pagination: 'link', pageSize: 3 });
    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toMatch(/points to a page already read \(http:\/\/127\.0\.0\.1:\d+\/loop\/link\/items\?page=2\)/);
  });

  it('stops with an error when the API ignores the page parameter', async () => {
    const error = await readError(transport(), { path: 'loop/page/items', pagination: 'page', pageSize: 3 });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ field: 'pageParam', message: expect.stringMatching(/ignore the "page" parameter/) });
  });

  it('fails when the collection has more pages than maxPages', async () => {
    const error = await readError(transport(), { ...PAGINATION_CONFIGS.link, pageSize: 5, maxPages: 2 });
    expect(error).toMatchObject({ code: 'config_invalid', field: 'maxPages', message: expect.stringMatching(/read 2 pages, the maxPages safety limit/) });
  });

  it('requires nextTokenPath for cursor pagination (on save)', async () => {
    const error = await readError(transport(), { path: 'cursor/items', pagination: 'cursor' });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/nextTokenPath is required/);
  });
});
