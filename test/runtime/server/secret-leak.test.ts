import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../runtime/store/types.ts';
import { createTestApp, readEventStream, TOKEN, type TestApp } from './test-app.ts';
import { GOOD_KEY, peopleFlow } from './test-nodes.ts';

/** The secrets of this test: the working key, a nested password and a wrong key that makes a run fail. */
const SECRETS = [GOOD_KEY, 'nested-Passw0rd-that-must-stay-hidden', 'wrong-key-Zq81-only-in-the-broken-flow'];

let t: TestApp;
const seen: string[] = [];

beforeEach(async () => {
  t = await createTestApp();
  seen.length = 0;
});
afterEach(async () => {
  await t.close();
});

/** Keeps everything a client could see of a response: status line, headers and body. */
function record(response: request.Response): request.Response {
  seen.push(`${response.status} ${JSON.stringify(response.headers)} ${response.text ?? ''} ${JSON.stringify(response.body ?? null)}`);
  return response;
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(directory, entry.name)) : [join(directory, entry.name)]);
}

async function waitForRun(id: string): Promise<RunRecord> {
  for (let i = 0; i < 200; i += 1) {
    const run = record(await t.api().get(`/api/runs/${id}`)).body as RunRecord;
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('run did not end');
}

function shopFlow() {
  const flow = peopleFlow('shop', { apiKey: SECRETS[0], rejectIds: [2] });
  flow.nodes[0].config.auth = { password: SECRETS[1] };
  return flow;
}

describe('secrets never leak', () => {
  it('keeps a saved secret out of every response, log line, run record and file', async () => {
    const saved = record(await t.api().put('/api/flows/shop').send(shopFlow()));
    expect(saved.status).toBe(201);
    expect(saved.body.flow.nodes[0].config).toEqual({ url: 'https://api.example.test', apiKey: { $secret: 'shop/api/apiKey' }, auth: { password: { $secret: 'shop/api/auth.password' } } });
    record(await t.api().put('/api/flows/broken').send(peopleFlow('broken', { apiKey: SECRETS[2] })));

    const read = record(await t.api().get('/api/flows/shop'));
    const back = record(await t.api().put('/api/flows/shop').set('If-Match', read.headers.etag).send({ ...read.body, name: 'Shop again' }));
    expect(back.status).toBe(200);
    expect(t.ctx.secrets.list('shop/')).toEqual(['shop/api/apiKey', 'shop/api/auth.password']);

    const invalid = shopFlow();
    invalid.nodes[1].config = { total: 'lots' };
    expect(record(await t.api().put('/api/flows/shop').send(invalid)).status).toBe(400);
    record(await t.api().post('/api/flows/validate').send(invalid));
    record(await t.api().post('/api/flows/validate').send(shopFlow()));

    const run = record(await t.api().post('/api/flows/shop/runs').send({}));
    const events = await readEventStream(request(t.app).get(`/api/runs/${run.body.runId}/events?token=${TOKEN}`));
    seen.push(events);
    expect((await waitForRun(run.body.runId)).status).toBe('partial');
    const broken = record(await t.api().post('/api/flows/broken/runs').send({}));
    const failed = await waitForRun(broken.body.runId);
    expect(failed.status).toBe('failed');
    expect(failed.errors[0].message).toContain('login refused for key ***');
    seen.push(await readEventStream(request(t.app).get(`/api/runs/${broken.body.runId}/events?token=${TOKEN}`)));

    for (const path of [
      '/api/flows', '/api/flows/shop', '/api/flows/broken', '/api/flows/shop/versions', '/api/flows/shop/versions/1', '/api/flows/shop/versions/2',
      '/api/flows/shop/runs', '/api/flows/broken/runs', `/api/runs/${run.body.runId}`, `/api/runs/${broken.body.runId}`, '/api/rejects',
      '/api/rejects?flowId=shop', '/api/entities/person', '/api/entities/person/shop%3A1', '/api/nodes', '/api/openapi.json',
      '/api/schedule/preview?cron=*/5%20*%20*%20*%20*&timezone=Europe/Berlin', '/api/no-such-route',
    ]) record(await t.api().get(path));
    record(await request(t.app).get('/api/health'));
    record(await t.api().post(`/api/runs/${run.body.runId}/cancel`));
    record(await t.api().post('/api/flows/shop/versions/1/restore'));
    record(await t.api().post('/api/nodes/test.api/check').send({ config: { url: 'u', apiKey: { $secret: 'shop/api/apiKey' } } }));
    record(await t.api().post('/api/nodes/test.api/check').send({ config: { url: 'u', apiKey: { $secret: 'broken/api/apiKey' } } }));
    record(await t.api().post('/api/nodes/test.api/check').send({ config: { url: 'u', apiKey: SECRETS[2] } }));
    t.ctx.logger.info(`a node logged ${SECRETS[0]}`, { key: SECRETS[1], nested: { list: [SECRETS[2]] } });

    const runs = [...(await t.ctx.store.listRuns('shop', 100)), ...(await t.ctx.store.listRuns('broken', 100))];
    expect(runs.length).toBeGreaterThanOrEqual(2);
    const rejects = await t.ctx.store.listRejects({ limit: 100 });
    const files = [...filesUnder(t.dataDir), ...filesUnder(t.flowsDir)];
    expect(files.some((file) => file.endsWith('secrets.json'))).toBe(true);
    expect(files.some((file) => file.includes(`history`))).toBe(true);
    expect(statSync(join(t.dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);

    for (const secret of SECRETS) {
      for (const text of seen) expect(text, 'a response').not.toContain(secret);
      for (const line of t.logs) expect(line, 'a log line').not.toContain(secret);
      expect(JSON.stringify(runs), 'a run record').not.toContain(secret);
      expect(JSON.stringify(rejects), 'a reject').not.toContain(secret);
      for (const file of files) expect(readFileSync(file).includes(Buffer.from(secret)), file).toBe(false);
    }
    expect(t.logs.some((line) => line.includes('a node logged ***'))).toBe(true);
  });

  it('keeps the secret when the placeholder is saved back and deletes it for null or a removed node', async () => {
    await t.api().put('/api/flows/shop').send(shopFlow());
    const read = await t.api().get('/api/flows/shop');
    await t.api().put('/api/flows/shop').send(read.body);
    expect(await t.ctx.secrets.resolve('shop/api/apiKey')).toBe(GOOD_KEY);

    const replaced = structuredClone(read.body);
    replaced.nodes[0].config.apiKey = 'a-brand-new-key';
    replaced.nodes[0].config.auth = { password: null };
    const saved = await t.api().put('/api/flows/shop').send(replaced);
    expect(saved.body.flow.nodes[0].config).toEqual({ url: 'https://api.example.test', apiKey: { $secret: 'shop/api/apiKey' }, auth: {} });
    expect(await t.ctx.secrets.resolve('shop/api/apiKey')).toBe('a-brand-new-key');
    expect(t.ctx.secrets.list('shop/')).toEqual(['shop/api/apiKey']);

    replaced.nodes[0].config.apiKey = { $env: 'SHOP_KEY' };
    await t.api().put('/api/flows/shop').send(replaced);
    expect(t.ctx.secrets.list('shop/')).toEqual([]);

    await t.api().put('/api/flows/gone').send(peopleFlow('gone', { apiKey: 'key-of-a-flow-to-delete' }));
    expect(t.ctx.secrets.list('gone/')).toEqual(['gone/api/apiKey']);
    await t.api().delete('/api/flows/gone');
    expect(t.ctx.secrets.list('gone/')).toEqual([]);
  });
});
