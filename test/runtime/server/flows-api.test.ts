import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-app.ts';
import { peopleFlow } from './test-nodes.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('flows API', () => {
  it('creates, reads, lists, replaces and deletes a flow', async () => {
    const created = await t.api().put('/api/flows/shop').send(peopleFlow('shop'));
    expect(created.status).toBe(201);
    expect(created.body.etag).toMatch(/^".+"$/);
    expect(created.headers.etag).toBe(created.body.etag);

    const read = await t.api().get('/api/flows/shop');
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe(created.body.etag);
    expect(read.body).toMatchObject({ id: 'shop', name: 'People shop' });

    const list = await t.api().get('/api/flows');
    expect(list.body.flows).toEqual([
      expect.objectContaining({ id: 'shop', name: 'People shop', enabled: true, channelTypes: ['core', 'testapi'], nextRuns: [], etag: created.body.etag }),
    ]);

    const renamed = { ...read.body, name: 'Renamed' };
    const replaced = await t.api().put('/api/flows/shop').set('If-Match', created.body.etag).send(renamed);
    expect(replaced.status).toBe(200);
    expect(replaced.body.etag).not.toBe(created.body.etag);
    expect(replaced.body.flow.name).toBe('Renamed');

    expect((await t.api().delete('/api/flows/shop')).status).toBe(204);
    const gone = await t.api().get('/api/flows/shop');
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('not_found');
    expect((await t.api().delete('/api/flows/shop')).status).toBe(404);
  });

  it('answers 409 when If-Match is stale and keeps the newer version', async () => {
    const first = await t.api().put('/api/flows/shop').send(peopleFlow('shop'));
    const second = await t.api().put('/api/flows/shop').set('If-Match', first.body.etag).send({ ...peopleFlow('shop'), name: 'Second' });
    const stale = await t.api().put('/api/flows/shop').set('If-Match', first.body.etag).send({ ...peopleFlow('shop'), name: 'Stale' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', details: { currentEtag: second.body.etag } });
    expect((await t.api().get('/api/flows/shop')).body.name).toBe('Second');
    const exists = await t.api().put('/api/flows/shop').set('If-None-Match', '*').send(peopleFlow('shop'));
    expect(exists.status).toBe(409);
  });

  it('refuses an invalid flow with every issue naming the node and field, and writes nothing', async () => {
    const flow = peopleFlow('shop');
    flow.nodes[1].config = { total: 'many' };
    flow.nodes.push({ id: 'ghost', type: 'test.nothing', version: 1, config: {} });
    const response = await t.api().put('/api/flows/shop').send(flow);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('flow_invalid');
    expect(response.body.error.details.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ nodeId: 'people', field: 'config.total' }),
      expect.objectContaining({ nodeId: 'ghost', field: 'type', code: 'unknown-type' }),
    ]));
    expect((await t.api().get('/api/flows/shop')).status).toBe(404);
  });

  it('refuses a body whose id differs from the URL and fills a missing id from it', async () => {
    const wrong = await t.api().put('/api/flows/shop').send(peopleFlow('other'));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.issues[0]).toMatchObject({ code: 'id-mismatch', field: 'id' });
    const { id: _id, ...withoutId } = peopleFlow('shop');
    expect((await t.api().put('/api/flows/shop').send(withoutId)).status).toBe(201);
  });

  it('validates without saving', async () => {
    const ok = await t.api().post('/api/flows/validate').send(peopleFlow('shop'));
    expect(ok.body).toEqual({ valid: true, issues: [] });
    const flow = peopleFlow('shop');
    flow.connections.pop();
    const bad = await t.api().post('/api/flows/validate').send(flow);
    expect(bad.body.valid).toBe(false);
    expect(bad.body.issues).toEqual([expect.objectContaining({ code: 'missing-input', nodeId: 'store', field: 'inputs.entities' })]);
    expect((await t.api().get('/api/flows')).body.flows).toEqual([]);
  });

  it('writes the flow file in a stable key order whatever order the editor sent', async () => {
    const flow = peopleFlow('shop');
    const shuffled = { connections: flow.connections, nodes: flow.nodes.map((node) => ({ config: node.config, position: node.position, version: 1, type: node.type, id: node.id })), name: flow.name, id: 'shop', schemaVersion: 1 };
    await t.api().put('/api/flows/shop').send(shuffled);
    const text = readFileSync(join(t.flowsDir, 'shop.flow.json'), 'utf8');
    expect(Object.keys(JSON.parse(text))).toEqual(['schemaVersion', 'id', 'name', 'nodes', 'connections']);
    expect(Object.keys(JSON.parse(text).nodes[0])).toEqual(['id', 'type', 'version', 'position', 'config']);
    await t.api().put('/api/flows/shop').send(flow);
    expect(readFileSync(join(t.flowsDir, 'shop.flow.json'), 'utf8')).toBe(text);
  });

  it('deletes the entities of a flow only with ?deleteEntities=true', async () => {
    await t.api().put('/api/flows/keep').send(peopleFlow('keep'));
    await t.api().put('/api/flows/wipe').send(peopleFlow('wipe'));
    for (const id of ['keep', 'wipe']) {
      const { done } = await t.ctx.runs.start(id, { trigger: 'api' });
      await done;
    }
    expect((await t.api().delete('/api/flows/keep')).status).toBe(204);
    expect((await t.api().delete('/api/flows/wipe?deleteEntities=true')).status).toBe(204);
    const persons = await t.api().get('/api/entities/person?limit=100');
    expect(persons.body.items.map((item: { channel: string }) => item.channel)).toEqual(['keep', 'keep', 'keep']);
    expect(await t.ctx.store.listRuns('wipe')).toEqual([]);
  });

  it('lists hand-edited files that are broken, with their problems, and refuses to run them', async () => {
    mkdirSync(t.flowsDir, { recursive: true });
    writeFileSync(join(t.flowsDir, 'broken.flow.json'), '{ "schemaVersion": 1,');
    writeFileSync(join(t.flowsDir, 'renamed.flow.json'), JSON.stringify(peopleFlow('other')));
    const list = (await t.api().get('/api/flows')).body;
    expect(list.problems).toEqual([expect.objectContaining({ id: 'broken', message: expect.stringContaining('not valid JSON') })]);
    expect(list.flows).toEqual([expect.objectContaining({ id: 'renamed', issues: [expect.objectContaining({ code: 'id-mismatch', field: 'id' })] })]);
    const broken = await t.api().get('/api/flows/broken');
    expect(broken.status).toBe(400);
    expect(broken.body.error.details.issues[0].code).toBe('malformed-json');
    const run = await t.api().post('/api/flows/renamed/runs').send({});
    expect(run.status).toBe(400);
    expect(run.body.error.code).toBe('flow_invalid');
  });
});
