import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../server/test-app.ts';
import { contactFlow, createWebhookApp, inboxFiles, personOf, writeFlowFile } from './webhook-test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createWebhookApp();
  await writeFlowFile(t, contactFlow());
});
afterEach(async () => {
  await t.close();
});

const hook = (path = '/hooks/contact-form/form') => request(t.app).post(path);
const settled = () => t.ctx.webhooks.whenIdle('contact-form');

describe('POST /hooks/:flowId/:nodeId', () => {
  it('takes an urlencoded submission, answers 202 once it is on disk, and a webhook run stores the person', async () => {
    const response = await hook().type('form').send('firstName=Ann&lastName=Lee&email=+Ann%40Example.ORG+&phone=%2B49+30+1234&website=');
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ accepted: true, id: expect.stringMatching(/^\d{16}$/) });
    expect(await inboxFiles(t)).toEqual([`${response.body.id}.json`]);
    await settled();
    const person = await personOf(t, 'ann@example.org');
    expect(person?.data).toEqual({ firstName: 'Ann', lastName: 'Lee', email: 'ann@example.org', phones: ['+49 30 1234'] });
    const runs = await t.ctx.store.listRuns('contact-form');
    expect(runs).toEqual([expect.objectContaining({ trigger: 'webhook', status: 'succeeded', cursorsAfter: { form: { lastId: response.body.id } } })]);
    expect(await inboxFiles(t)).toEqual([]);
  });

  it('takes multipart text fields and a JSON object', async () => {
    const multipart = await hook().field('firstName', 'Bo').field('email', 'bo@example.org').field('website', '');
    expect(multipart.status).toBe(202);
    const json = await hook().send({ firstName: 'Cy', email: 'cy@example.org' });
    expect(json.status).toBe(202);
    await settled();
    expect((await personOf(t, 'bo@example.org'))?.data).toEqual({ firstName: 'Bo', email: 'bo@example.org' });
    expect((await personOf(t, 'cy@example.org'))?.data).toEqual({ firstName: 'Cy', email: 'cy@example.org' });
  });

  it('updates the same person when an address is sent again, in any letter case', async () => {
    await hook().type('form').send('firstName=Di&email=di@example.org');
    await settled();
    await hook().type('form').send('firstName=Diana&email=DI@example.org');
    await settled();
    const person = await personOf(t, 'di@example.org');
    expect(person?.data).toMatchObject({ firstName: 'Diana' });
    expect((await t.ctx.store.queryEntities({ type: 'person', channel: 'contact-form' })).items).toHaveLength(1);
  });

  it('refuses a file part with 415 and a clear message, and stores nothing', async () => {
    const response = await hook().field('email', 'ed@example.org').attach('cv', Buffer.from('%PDF-1.4'), 'cv.pdf');
    expect(response.status).toBe(415);
    expect(response.body.error).toEqual({ code: 'unsupported_media_type', message: 'This form does not accept files (field "cv"); send text fields only.' });
    expect(await inboxFiles(t)).toEqual([]);
  });

  it('refuses other content types (415), JSON that is not an object and broken JSON (400)', async () => {
    const text = await hook().set('Content-Type', 'text/plain').send('email=x@example.org');
    expect(text.status).toBe(415);
    expect(text.body.error.message).toMatch(/takes application\/x-www-form-urlencoded, multipart\/form-data or application\/json, not "text\/plain"/);
    expect((await hook().send([{ email: 'x@example.org' }])).body.error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/not an array/) });
    expect((await hook().set('Content-Type', 'application/json').send('{"email":')).status).toBe(400);
    expect(await inboxFiles(t)).toEqual([]);
  });

  it('refuses a body over maxBodyBytes with 413, declared or streamed', async () => {
    await writeFlowFile(t, contactFlow({ maxBodyBytes: 1024 }));
    const big = `email=big@example.org&firstName=${'x'.repeat(2000)}`;
    const declared = await hook().type('form').send(big);
    expect(declared.status).toBe(413);
    expect(declared.body.error).toEqual({ code: 'too_large', message: 'The submission is larger than this form accepts (1024 bytes).' });
    const chunked = hook().type('form');
    chunked.write(big.slice(0, 1000));
    chunked.write(big.slice(1000));
    expect((await chunked).status).toBe(413);
    expect((await hook().type('form').send('email=small@example.org')).status).toBe(202);
  });

  it('answers 429 with Retry-After beyond rateLimitPerMinute', async () => {
    await writeFlowFile(t, contactFlow({ rateLimitPerMinute: 3 }));
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await hook().type('form').send(`email=r${i}@example.org`)).status);
    expect(statuses).toEqual([202, 202, 202]);
    const limited = await hook().type('form').send('email=r3@example.org');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.body.error.code).toBe('too_many_requests');
  });

  it('drops a submission filling the honeypot: 202 like any other, nothing stored, counted', async () => {
    const response = await hook().type('form').send('firstName=Bot&email=bot@example.org&website=http%3A%2F%2Fspam.example');
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ accepted: true, id: expect.stringMatching(/^\d{16}$/) });
    await settled();
    expect(await inboxFiles(t)).toEqual([]);
    expect(await personOf(t, 'bot@example.org')).toBeUndefined();
    expect(await t.ctx.store.listRuns('contact-form')).toEqual([]);
    expect(t.ctx.webhooks.stats('contact-form', 'form')).toEqual({ accepted: 0, spam: 1 });
    expect(t.logs.join('\n')).toMatch(/dropped as spam/);
  });

  it('gathers a burst of 10 submissions into at most 2 runs and stores all 10', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => hook().type('form').send(`firstName=P${i}&email=p${i}@example.org`)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(202));
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(10);
    await settled();
    const runs = await t.ctx.store.listRuns('contact-form');
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.length).toBeLessThanOrEqual(2);
    expect(runs.every((run) => run.trigger === 'webhook' && run.status === 'succeeded')).toBe(true);
    expect(runs.reduce((sum, run) => sum + run.entities.added, 0)).toBe(10);
    for (let i = 0; i < 10; i++) expect(await personOf(t, `p${i}@example.org`)).toBeDefined();
    expect(await inboxFiles(t)).toEqual([]);
  });

  it('answers 404 for an unknown flow or node, another node type, a disabled flow, a bad id and other methods', async () => {
    const cases = ['/hooks/nope/form', '/hooks/contact-form/nope', '/hooks/contact-form/to-person', '/hooks/contact-form/..%2F..%2Fx', '/hooks/Bad!/form'];
    for (const path of cases) {
      const response = await hook(path).type('form').send('email=x@example.org');
      expect(response.status, path).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
    await writeFlowFile(t, contactFlow({}, { enabled: false }));
    expect((await hook().type('form').send('email=x@example.org')).status).toBe(404);
    expect((await request(t.app).get('/hooks/contact-form/form')).status).toBe(404);
    expect((await request(t.app).post('/hooks')).status).toBe(404);
  });

  it('answers 500 without details when the form\'s config cannot be used, and logs why', async () => {
    await writeFlowFile(t, contactFlow({ token: { $secret: 'contact-form/form/token' } }));
    const response = await hook().type('form').send('email=x@example.org');
    expect(response.status).toBe(500);
    expect(response.body.error.message).toMatch(/cannot take submissions until its configuration is fixed/);
    expect(t.logs.join('\n')).toMatch(/secret \\"contact-form\/form\/token\\" is not in the secret store/);
    expect(await inboxFiles(t)).toEqual([]);
  });

  it('needs no API token and answers a CORS preflight', async () => {
    const preflight = await request(t.app).options('/hooks/contact-form/form').set('Origin', 'https://shop.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/X-Tributary-Token/);
    const response = await hook().type('form').send('email=cors@example.org');
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });
});
