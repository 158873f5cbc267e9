import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../nodes/contract/logger.ts';
import { startRestFixture, type RestFixture } from '../../fixtures/rest/server.ts';
import { PAGINATION_CONFIGS, idsOf, range, readCollection } from './rest-harness.ts';

let api: RestFixture;
beforeEach(async () => {
  api = await startRestFixture({ records: 25 });
});
afterEach(() => api.close());

const transport = () => ({ baseUrl: api.url, retries: 0 });
const incremental = { cursorField: 'updated_at', cursorParam: 'updated_since', pageSize: 10 };

describe('rest.collection incremental reads', () => {
  it.each(['page', 'offset', 'cursor', 'link'])('%s: a second run reads only what changed since the cursor', async (style) => {
    const config = { ...PAGINATION_CONFIGS[style], ...incremental };
    const first = await readCollection(transport(), config);
    expect(idsOf(first.outputs.records)).toEqual(range(25));
    expect(first.states).toEqual([
      { cursor: '2024-01-01T00:00:09Z' },
      { cursor: '2024-01-01T00:00:19Z' },
      { cursor: '2024-01-01T00:00:24Z' },
    ]);

    api.data.touch([2, 5]);
    api.data.add(2);
    api.requests.clear();
    const second = await readCollection(transport(), config, { state: first.states.at(-1) });
    // The cursor parameter means "at or after": the last record of the first run comes again, harmlessly (upserts).
    expect(idsOf(second.outputs.records)).toEqual([25, 2, 5, 26, 27]);
    expect(api.requests.entries[0].query.updated_since).toBe('2024-01-01T00:00:24Z');
    expect(second.states.at(-1)).toEqual({ cursor: '2024-01-01T00:00:28Z' });
  });

  it('a full run ignores the saved cursor', async () => {
    api.data.add(1);
    const { outputs } = await readCollection(transport(), { ...PAGINATION_CONFIGS.page, ...incremental }, { state: { cursor: '2024-01-01T00:00:24Z' }, full: true });
    expect(idsOf(outputs.records)).toEqual(range(26));
    expect(api.requests.entries[0].query.updated_since).toBeUndefined();
  });

  it('sends initialCursor on the first run', async () => {
    const { outputs } = await readCollection(transport(), { ...PAGINATION_CONFIGS.cursor, ...incremental, initialCursor: '2024-01-01T00:00:20Z' });
    expect(idsOf(outputs.records)).toEqual([21, 22, 23, 24, 25]);
  });

  it('keeps the saved cursor when nothing changed', async () => {
    const state = { cursor: '2024-01-01T00:00:30Z' };
    const { outputs, states } = await readCollection(transport(), { ...PAGINATION_CONFIGS.page, ...incremental }, { state });
    expect(outputs.records ?? []).toEqual([]);
    expect(states.every((s) => JSON.stringify(s) === JSON.stringify(state))).toBe(true);
  });

  it('saves the cursor only after the last page when the API does not sort by it', async () => {
    const { states } = await readCollection(transport(), { ...PAGINATION_CONFIGS.page, ...incremental, sortedByCursor: false });
    expect(states).toEqual([{ cursor: '2024-01-01T00:00:24Z' }]);
  });

  it('warns when records come back older than the cursor (the API ignores the cursor parameter)', async () => {
    const warnings: string[] = [];
    const log: Logger = { debug() {}, info() {}, error() {}, warn: (message) => void warnings.push(message) };
    await readCollection(transport(), { ...PAGINATION_CONFIGS.page, ...incremental, cursorParam: 'changed_after' }, { state: { cursor: '2024-01-01T00:00:10Z' }, log });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/older than the cursor already passed .* does the API filter by "changed_after"/);
  });

  it('requires cursorParam with cursorField', async () => {
    await expect(readCollection(transport(), { ...PAGINATION_CONFIGS.page, cursorField: 'updated_at' })).rejects.toThrow(/cursorParam is required/);
  });
});
