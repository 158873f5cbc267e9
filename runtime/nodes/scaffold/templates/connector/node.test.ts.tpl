import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runNode } from 'tributary/testing';
import { describe, expect, it } from 'vitest';
import definition from './__FILE__.ts';
import { fixtureClient } from './fixtures/fixture-transport.ts';
import { runFixtureFlow } from './fixtures/run-fixture-flow.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const records = JSON.parse(await readFile(fixture('records.json'), 'utf8')) as Record<string, unknown>[];

describe('__TYPE__', () => {
  it('reads every page and carries the highest cursor with each batch', async () => {
    const result = await runNode({ definition, config: {}, transports: { transport: fixtureClient(records) } });
    expect(result.outputs.records).toEqual(records);
    expect(result.states).toEqual([{ since: '2024-01-02T10:00:00Z' }, { since: '2024-01-03T10:00:00Z' }]);
  });

  it('reads only what changed after the committed cursor, and everything on a full sync', async () => {
    const state = { since: '2024-01-02T10:00:00Z' };
    const next = await runNode({ definition, config: {}, state, transports: { transport: fixtureClient(records) } });
    expect(next.outputs.records).toEqual([records[2]]);
    const full = await runNode({ definition, config: {}, state, full: true, transports: { transport: fixtureClient(records) } });
    expect(full.outputs.records).toHaveLength(3);
  });

  it('stores the expected entities when its fixture flow runs', async () => {
    const expected = JSON.parse(await readFile(fixture('expected-entities.json'), 'utf8')) as unknown[];
    const { status, entities } = await runFixtureFlow({
      flowFile: fixture('flow.json'),
      modules: [fileURLToPath(new URL('./__FILE__.ts', import.meta.url)), fixture('fixture-transport.ts')],
      entityType: 'person',
    });
    expect(status).toBe('succeeded');
    expect(entities).toEqual(expected);
  }, 60_000);
});
