import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createBuiltInCatalog } from '../../../nodes/builtin.ts';
import { createAppContext, type AppContext } from '../../../runtime/server/app-context.ts';
import { createApp } from '../../../runtime/server/create-app.ts';
import { SqliteEntityStore } from '../../../runtime/store/sqlite-store.ts';
import { contactFlow } from './webhook-test-app.ts';

const root = mkdtempSync(path.join(tmpdir(), 'tributary-webhook-recovery-'));
const dataDir = path.join(root, 'data');
const flowsDir = path.join(root, 'flows');
const opened: { ctx: AppContext; store: SqliteEntityStore }[] = [];

async function start(): Promise<AppContext> {
  const store = new SqliteEntityStore({ dataDir });
  const ctx = await createAppContext({
    dataDir, flowsDir, env: { TRIBUTARY_TOKEN: 'recovery-api-token', TRIBUTARY_SECRET_KEY: 'a test secret key' },
    catalog: createBuiltInCatalog(), store, schedule: false, logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
  opened.push({ ctx, store });
  return ctx;
}

afterEach(async () => {
  for (const { ctx, store } of opened.splice(0)) {
    await ctx.close(5_000);
    await store.close();
  }
  rmSync(root, { recursive: true, force: true });
});

describe('webhook inboxes at start', () => {
  it('runs a flow whose inbox holds submissions accepted before a stop, and cleans up temporary files', async () => {
    await mkdir(flowsDir, { recursive: true });
    await writeFile(path.join(flowsDir, 'contact-form.flow.json'), JSON.stringify(contactFlow()));
    const first = await start();
    // Stopping the webhook runs stands in for a process killed between the 202 and the run.
    first.webhooks.stop();
    const accepted = await request(createApp(first)).post('/hooks/contact-form/form').type('form').send('firstName=Eve&email=eve@example.org');
    expect(accepted.status).toBe(202);
    await first.close(5_000);
    const inbox = path.join(dataDir, 'webhooks', 'contact-form', 'form');
    await writeFile(path.join(inbox, `.${accepted.body.id}.json.dead.tmp`), '{"half');

    const second = await start();
    await second.webhooks.whenIdle('contact-form');
    expect((await second.store.getEntity('person', 'contact-form', 'eve@example.org'))?.data).toEqual({ firstName: 'Eve', email: 'eve@example.org' });
    expect(await second.store.listRuns('contact-form')).toEqual([expect.objectContaining({ trigger: 'webhook', status: 'succeeded' })]);
    expect(await readdir(inbox)).toEqual([]);
  });
});
