import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runNode } from 'tributary/testing';
import { describe, expect, it } from 'vitest';
import definition from './__FILE__.ts';
import { runFixtureFlow } from './fixtures/run-fixture-flow.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('__TYPE__', () => {
  it('trims text, drops empty fields and rejects what is not a record', async () => {
    const { outputs, rejects } = await runNode({
      definition, config: {}, inputs: { records: [[{ id: 1, name: ' Ada ', note: '  ' }, 'oops']] },
    });
    expect(outputs.records).toEqual([{ id: 1, name: 'Ada' }]);
    expect(rejects).toEqual([{ record: 'oops', reason: 'the record is not an object' }]);
  });

  it('keeps empty fields when told to', async () => {
    const { outputs } = await runNode({ definition, config: { dropEmpty: false }, inputs: { records: [[{ note: '  ' }]] } });
    expect(outputs.records).toEqual([{ note: '' }]);
  });

  it('stores the expected entities when its fixture flow runs', async () => {
    const expected = JSON.parse(await readFile(fixture('expected-entities.json'), 'utf8')) as unknown[];
    const { status, entities } = await runFixtureFlow({
      flowFile: fixture('flow.json'),
      modules: [fileURLToPath(new URL('./__FILE__.ts', import.meta.url))],
      entityType: 'person',
    });
    expect(status).toBe('succeeded');
    expect(entities).toEqual(expected);
  }, 60_000);
});
