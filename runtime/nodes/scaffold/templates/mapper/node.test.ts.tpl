import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runNode } from 'tributary/testing';
import { describe, expect, it } from 'vitest';
import definition from './__FILE__.ts';
import { runFixtureFlow } from './fixtures/run-fixture-flow.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const expected = JSON.parse(await readFile(fixture('expected-entities.json'), 'utf8')) as unknown[];
const records = (await readFile(fixture('records.jsonl'), 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown);

describe('__TYPE__', () => {
  it('maps records to persons', async () => {
    const { outputs, rejects } = await runNode({ definition, config: {}, inputs: { records: [records] } });
    expect(outputs.entities).toEqual(expected);
    expect(rejects).toEqual([]);
  });

  it('rejects a record without an id and one whose person is not valid, and maps the rest', async () => {
    const { outputs, rejects } = await runNode({
      definition, config: {}, inputs: { records: [[{ firstName: 'No id' }, { id: 7, email: 'not an e-mail' }, { id: 8, lastName: 'Ok' }]] },
    });
    expect(rejects.map((reject) => reject.reason)).toEqual(['the record has no id in "id"', expect.stringMatching(/email/)]);
    expect(outputs.entities).toEqual([{ type: 'person', originId: '8', data: { lastName: 'Ok' } }]);
  });

  it('stores the expected entities when its fixture flow runs', async () => {
    const { status, entities } = await runFixtureFlow({
      flowFile: fixture('flow.json'),
      modules: [fileURLToPath(new URL('./__FILE__.ts', import.meta.url))],
      entityType: 'person',
    });
    expect(status).toBe('succeeded');
    expect(entities).toEqual(expected);
  }, 60_000);
});
