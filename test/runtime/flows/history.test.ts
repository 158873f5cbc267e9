import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FlowHistory } from '../../../runtime/flows/flow-history.ts';
import { createTestApp, type TestApp } from '../server/test-app.ts';
import { peopleFlow } from '../server/test-nodes.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const save = async (name: string, etag?: string) => {
  const test = t.api().put('/api/flows/shop');
  if (etag) test.set('If-Match', etag);
  return test.send({ ...peopleFlow('shop'), name });
};

describe('flow history', () => {
  it('keeps every saved version, newest first, and reads each one', async () => {
    const one = await save('One');
    const two = await save('Two', one.body.etag);
    await save('Three', two.body.etag);
    const versions = (await t.api().get('/api/flows/shop/versions')).body.versions;
    expect(versions.map((item: { version: number; name: string; current: boolean }) => [item.version, item.name, item.current])).toEqual([
      [3, 'Three', true], [2, 'Two', false], [1, 'One', false],
    ]);
    expect(versions[2].etag).toBe(one.body.etag);
    expect(Date.parse(versions[0].savedAt)).toBeGreaterThanOrEqual(Date.parse(versions[2].savedAt));
    expect((await t.api().get('/api/flows/shop/versions/2')).body.name).toBe('Two');
    expect((await t.api().get('/api/flows/shop/versions/9')).status).toBe(404);
    expect((await t.api().get('/api/flows/none/versions')).status).toBe(404);
    expect(readdirSync(join(t.dataDir, 'history', 'shop')).sort()).toEqual(['1.flow.json', '2.flow.json', '3.flow.json']);
    const index = JSON.parse(readFileSync(join(t.dataDir, 'history.json'), 'utf8'));
    expect(index.flows.shop).toHaveLength(3);
  });

  it('does not add a version when the same content is saved again', async () => {
    await save('One');
    await save('One');
    expect((await t.api().get('/api/flows/shop/versions')).body.versions).toHaveLength(1);
  });

  it('restores a version as a new save', async () => {
    await save('One');
    await save('Two');
    const restored = await t.api().post('/api/flows/shop/versions/1/restore');
    expect(restored.status).toBe(200);
    expect(restored.body.flow.name).toBe('One');
    expect((await t.api().get('/api/flows/shop')).headers.etag).toBe(restored.body.etag);
    const versions = (await t.api().get('/api/flows/shop/versions')).body.versions;
    expect(versions.map((item: { version: number; name: string }) => `${item.version}:${item.name}`)).toEqual(['3:One', '2:Two', '1:One']);
  });

  it('keeps a hand edit made between saves, and lets a deleted flow be restored', async () => {
    await save('One');
    const file = join(t.flowsDir, 'shop.flow.json');
    writeFileSync(file, JSON.stringify({ ...peopleFlow('shop'), name: 'Edited by hand' }));
    await save('Two');
    const names = (await t.api().get('/api/flows/shop/versions')).body.versions.map((item: { name: string }) => item.name);
    expect(names).toEqual(['Two', 'Edited by hand', 'One']);
    await t.api().delete('/api/flows/shop');
    expect((await t.api().get('/api/flows/shop/versions')).body.versions[0].current).toBe(false);
    expect((await t.api().post('/api/flows/shop/versions/1/restore')).status).toBe(200);
    expect((await t.api().get('/api/flows/shop')).body.name).toBe('One');
  });

  it('prunes the oldest versions past the limit', async () => {
    const history = await FlowHistory.open(join(t.dataDir, 'small'), 2);
    for (const n of [1, 2, 3]) await history.add('f', `{"n":${n}}`, { etag: `"${n}"`, name: `v${n}` });
    expect(history.list('f').map((item) => item.version)).toEqual([3, 2]);
    expect(readdirSync(join(t.dataDir, 'small', 'history', 'f')).sort()).toEqual(['2.flow.json', '3.flow.json']);
    await expect(history.read('f', 1)).rejects.toThrow(/no version 1/);
    const reopened = await FlowHistory.open(join(t.dataDir, 'small'), 2);
    expect(await reopened.read('f', 3)).toBe('{"n":3}');
  });
});
