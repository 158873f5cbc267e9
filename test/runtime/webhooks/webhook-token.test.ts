import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../server/test-app.ts';
import { contactFlow, createWebhookApp, personOf } from './webhook-test-app.ts';

const FORM_TOKEN = 'form-token-7f3a9c2e51';

let t: TestApp;
beforeEach(async () => {
  t = await createWebhookApp();
  // Saved through the API, as the editor does: the plain token moves into the encrypted secret store.
  const saved = await t.api().put('/api/flows/contact-form').send(contactFlow({ token: FORM_TOKEN }));
  expect(saved.status).toBe(201);
});
afterEach(async () => {
  await t.close();
});

const hook = (path = '/hooks/contact-form/form') => request(t.app).post(path).type('form');

async function allText(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && !entry.name.endsWith('.sqlite') && !entry.name.includes('.sqlite-'));
  return (await Promise.all(files.map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')))).join('\n');
}

describe('a form with a token', () => {
  it('answers 401 without the token or with a wrong one, and 202 with it as header or query', async () => {
    const missing = await hook().send('email=a@example.org');
    expect(missing.status).toBe(401);
    expect(missing.body.error.message).toMatch(/needs its token/);
    const wrong = await hook().set('X-Tributary-Token', 'form-token-wrong').send('email=a@example.org');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toBe('The token does not match this form\'s token.');
    expect((await hook(`/hooks/contact-form/form?token=${FORM_TOKEN.slice(0, -1)}`).send('email=a@example.org')).status).toBe(401);
    expect((await hook().set('X-Tributary-Token', FORM_TOKEN).send('email=a@example.org')).status).toBe(202);
    expect((await hook(`/hooks/contact-form/form?token=${FORM_TOKEN}`).send('email=b@example.org')).status).toBe(202);
    await t.ctx.webhooks.whenIdle('contact-form');
    expect(await personOf(t, 'a@example.org')).toBeDefined();
    expect(await personOf(t, 'b@example.org')).toBeDefined();
  });

  it('never shows the token in answers, logs, run records, the flow file or the inbox', async () => {
    const answers = [
      await hook().send('email=c@example.org'),
      await hook().set('X-Tributary-Token', `${FORM_TOKEN}x`).send('email=c@example.org'),
      await hook().set('X-Tributary-Token', FORM_TOKEN).send('email=c@example.org'),
      await hook(`/hooks/contact-form/form?token=${FORM_TOKEN}`).set('Content-Type', 'text/plain').send('x'),
      await t.api().get('/api/flows/contact-form'),
      await t.api().get('/api/nodes'),
    ];
    await t.ctx.webhooks.whenIdle('contact-form');
    const runs = await t.api().get('/api/flows/contact-form/runs');
    expect(runs.body.runs).toHaveLength(1);
    const everything = [...answers, runs].map((answer) => JSON.stringify(answer.headers) + answer.text).join('\n');
    expect(everything).not.toContain(FORM_TOKEN);
    expect(t.logs.join('\n')).not.toContain(FORM_TOKEN);
    const flowFile = await readFile(path.join(t.flowsDir, 'contact-form.flow.json'), 'utf8');
    expect(flowFile).toContain('"$secret": "contact-form/form/token"');
    expect(await allText(t.flowsDir)).not.toContain(FORM_TOKEN);
    expect(await allText(path.join(t.dataDir, 'webhooks')).catch(() => '')).not.toContain(FORM_TOKEN);
  });
});
