import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBuiltInCatalog } from '../../../nodes/builtin.ts';
import { webhookFormNode } from '../../../nodes/webhook/form/definition.ts';
import { runNode } from '../../../runtime/testing/index.ts';

let dir: string;
beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(tmpdir(), 'tributary-inbox-')), 'inbox');
});
afterEach(async () => {
  await rm(path.dirname(dir), { recursive: true, force: true });
});

const id = (n: number) => String(1_752_570_000_000_000 + n).padStart(16, '0');

async function submit(n: number, fields: Record<string, unknown>): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${id(n)}.json`), JSON.stringify({ id: id(n), receivedAt: `2025-07-15T09:00:0${n % 10}.000Z`, fields }));
}

const read = (options: { state?: unknown; batchSize?: number; full?: boolean } = {}) =>
  runNode({ definition: webhookFormNode, config: { inboxDir: dir }, nodeId: 'form', flowId: 'contact-form', ...options });

describe('webhook.form', () => {
  it('is a built-in source with a records:json output and secret token', () => {
    const definition = createBuiltInCatalog().get('webhook.form');
    expect(definition).toMatchObject({ category: 'source', channelType: 'webhook', outputs: { records: { socket: 'records:json' } } });
    expect(definition?.config.properties?.token).toMatchObject({ writeOnly: true });
  });

  it('yields pending submissions in arrival order with _submissionId and _receivedAt, the last id as state', async () => {
    await submit(2, { email: 'b@example.org' });
    await submit(1, { email: 'a@example.org', tags: ['x', 'y'] });
    const { outputs, batches } = await read();
    expect(outputs.records).toEqual([
      { email: 'a@example.org', tags: ['x', 'y'], _submissionId: id(1), _receivedAt: '2025-07-15T09:00:01.000Z' },
      { email: 'b@example.org', _submissionId: id(2), _receivedAt: '2025-07-15T09:00:02.000Z' },
    ]);
    expect(batches.map((batch) => batch.state)).toEqual([{ lastId: id(2) }]);
  });

  it('batches by the flow batch size, each batch carrying the id of its last submission', async () => {
    for (let n = 1; n <= 5; n++) await submit(n, { n });
    const { batches } = await read({ batchSize: 2 });
    expect(batches.map((batch) => [batch.records.length, batch.state])).toEqual([
      [2, { lastId: id(2) }], [2, { lastId: id(4) }], [1, { lastId: id(5) }],
    ]);
  });

  it('deletes the submissions the committed state covers and reads only later ones', async () => {
    for (let n = 1; n <= 3; n++) await submit(n, { n });
    const { outputs } = await read({ state: { lastId: id(2) } });
    expect(outputs.records).toEqual([expect.objectContaining({ n: 3 })]);
    expect(await readdir(dir)).toEqual([`${id(3)}.json`]);
  });

  it('yields nothing for an empty or missing inbox, and ignores temporary files', async () => {
    expect((await read()).batches).toEqual([]);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `.${id(1)}.json.abc.tmp`), '{"half');
    expect((await read()).batches).toEqual([]);
  });

  it('rejects an unreadable inbox file with the reason and moves the cursor past it', async () => {
    await submit(1, { n: 1 });
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `${id(2)}.json`), '{"broken');
    const { outputs, rejects, states } = await read();
    expect(outputs.records).toEqual([expect.objectContaining({ n: 1 })]);
    expect(rejects).toEqual([{ record: { submissionId: id(2), raw: '{"broken' }, reason: expect.stringMatching(/^submission \d+: the inbox file is not JSON/) }]);
    expect(states).toEqual([{ lastId: id(2) }]);
  });
});
