import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFlow } from '../../../runtime/engine/run-flow.ts';
import type { RunFlowOptions } from '../../../runtime/engine/run-options.ts';
import type { RunRecord } from '../../../runtime/store/types.ts';
import { createTestApp, parseEvents, readEventStream, TOKEN, type TestApp } from './test-app.ts';
import { peopleFlow } from './test-nodes.ts';
import request from 'supertest';

let t: TestApp;
afterEach(async () => {
  await t.close();
});

async function waitForRun(id: string): Promise<RunRecord> {
  for (let i = 0; i < 200; i += 1) {
    const run = (await t.api().get(`/api/runs/${id}`)).body as RunRecord;
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`run ${id} did not end`);
}

describe('runs API', () => {
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('starts a run (202 with its id), lists it and reads its record', async () => {
    await t.api().put('/api/flows/shop').send(peopleFlow('shop', { total: 4, rejectIds: [2] }));
    const started = await t.api().post('/api/flows/shop/runs').send({});
    expect(started.status).toBe(202);
    const run = await waitForRun(started.body.runId);
    expect(run).toMatchObject({ id: started.body.runId, flowId: 'shop', trigger: 'api', status: 'partial', rejected: 1 });
    expect(run.entities.added).toBe(3);
    const list = await t.api().get('/api/flows/shop/runs?limit=5');
    expect(list.body.runs.map((item: RunRecord) => item.id)).toEqual([started.body.runId]);
    expect((await t.api().get('/api/flows')).body.flows[0].lastRun).toMatchObject({ id: started.body.runId, status: 'partial' });
    const rejects = await t.api().get(`/api/rejects?flowId=shop&runId=${started.body.runId}`);
    expect(rejects.body.items).toEqual([expect.objectContaining({ nodeId: 'map', reason: 'person 2 is on the reject list' })]);
    const entity = await t.api().get(`/api/entities/person/${encodeURIComponent('shop:3')}`);
    expect(entity.body).toMatchObject({ id: 'shop:3', type: 'person', channel: 'shop', originId: '3', data: { firstName: 'Person 3' } });
    expect((await t.api().get('/api/entities/person/shop%3A99')).status).toBe(404);
    expect((await t.api().get('/api/entities/spaceship')).status).toBe(404);
    const full = await t.api().post('/api/flows/shop/runs').send({ full: true });
    expect((await waitForRun(full.body.runId)).full).toBe(true);
  });

  it('records the trigger the caller names: manual from the editor, api by default; refuses any other', async () => {
    await t.api().put('/api/flows/shop').send(peopleFlow('shop', { total: 2 }));
    const manual = await t.api().post('/api/flows/shop/runs').send({ trigger: 'manual' });
    expect(manual.status).toBe(202);
    expect(await waitForRun(manual.body.runId)).toMatchObject({ trigger: 'manual', status: 'succeeded' });
    const refused = await t.api().post('/api/flows/shop/runs').send({ trigger: 'cron' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.fields).toEqual([expect.objectContaining({ field: 'body.trigger' })]);
    const plain = await t.api().post('/api/flows/shop/runs');
    expect(await waitForRun(plain.body.runId)).toMatchObject({ trigger: 'api' });
  });

  it('answers 404 for an unknown flow or run and 400 for an invalid flow', async () => {
    expect((await t.api().post('/api/flows/nope/runs').send({})).status).toBe(404);
    expect((await t.api().get('/api/runs/nope')).status).toBe(404);
    expect((await t.api().get('/api/runs/nope/events')).status).toBe(404);
    expect((await t.api().post('/api/runs/nope/cancel')).status).toBe(404);
  });

  it('answers 409 flow_busy while a run holds the lease, and cancels a run so it ends cancelled', async () => {
    await t.api().put('/api/flows/slow').send(peopleFlow('slow', { total: 100, delayMs: 50 }));
    const started = await t.api().post('/api/flows/slow/runs').send({});
    expect(started.status).toBe(202);
    const busy = await t.api().post('/api/flows/slow/runs').send({});
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('flow_busy');
    const live = await t.api().get(`/api/runs/${started.body.runId}`);
    expect(live.body.status).toBe('running');
    const cancel = await t.api().post(`/api/runs/${started.body.runId}/cancel`);
    expect(cancel.status).toBe(202);
    expect(cancel.body).toEqual({ ok: true });
    const run = await waitForRun(started.body.runId);
    expect(run.status).toBe('cancelled');
    expect(run.entities.added).toBeLessThan(100);
    const again = await t.api().post(`/api/runs/${started.body.runId}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it('streams progress events in order ending with end, and sends end at once for an ended run', async () => {
    await t.api().put('/api/flows/shop').send(peopleFlow('shop', { total: 5, delayMs: 20 }));
    const started = await t.api().post('/api/flows/shop/runs').send({});
    const text = await readEventStream(request(t.app).get(`/api/runs/${started.body.runId}/events?token=${TOKEN}`));
    const events = parseEvents(text);
    expect(events[0]).toMatchObject({ event: 'progress', data: { type: 'run:start' } });
    expect(events.at(-2)).toMatchObject({ event: 'progress', data: { type: 'run:end' } });
    expect(events.at(-1)).toMatchObject({ event: 'end', data: { id: started.body.runId, status: 'succeeded' } });
    expect(events.filter((item) => item.event === 'end')).toHaveLength(1);
    expect(events.slice(1, -2).every((item) => (item.data as { type: string }).type === 'node:counts')).toBe(true);
    const after = parseEvents(await readEventStream(request(t.app).get(`/api/runs/${started.body.runId}/events?token=${TOKEN}`)));
    expect(after).toEqual([{ event: 'end', data: expect.objectContaining({ id: started.body.runId, status: 'succeeded' }) }]);
  });
});

describe('a crashing run', () => {
  it('is recorded as failed and the server keeps answering', async () => {
    const crashing = async (options: RunFlowOptions): Promise<RunRecord> => {
      const report = options.onProgress;
      await runFlow({ ...options, onProgress: (event) => report?.(event) });
      throw new Error('engine exploded');
    };
    t = await createTestApp({ runFlow: crashing });
    await t.api().put('/api/flows/shop').send(peopleFlow('shop'));
    const started = await t.api().post('/api/flows/shop/runs').send({});
    expect(started.status).toBe(202);
    const run = await waitForRun(started.body.runId);
    expect(run.status).toBe('failed');
    expect(run.errors[0].message).toContain('engine exploded');
    expect((await request(t.app).get('/api/health')).status).toBe(200);
  });
});
