import { afterEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../runtime/store/types.ts';
import { createTestApp, type TestApp } from '../server/test-app.ts';
import { peopleFlow } from '../server/test-nodes.ts';

let t: TestApp;
afterEach(async () => {
  await t.close();
});

const EVERY_SECOND = { cron: '*/1 * * * * *', timezone: 'UTC' };

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 6_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const overlaps = (a: RunRecord, b: RunRecord): boolean =>
  Date.parse(a.startedAt) < Date.parse(b.finishedAt ?? new Date().toISOString()) &&
  Date.parse(b.startedAt) < Date.parse(a.finishedAt ?? new Date().toISOString());

describe('scheduler', () => {
  it('runs two flows side by side and records a tick that finds its flow running as skipped', async () => {
    t = await createTestApp({ schedule: true });
    // Each run takes about 2 s on a 1 s schedule: the ticks in between must be skipped, not queued.
    for (const id of ['alpha', 'beta']) {
      expect((await t.api().put(`/api/flows/${id}`).send(peopleFlow(id, { total: 4, delayMs: 500, schedule: EVERY_SECOND }))).status).toBe(201);
    }
    const runs = await waitFor(async () => {
      const alpha = await t.ctx.store.listRuns('alpha', 50);
      const beta = await t.ctx.store.listRuns('beta', 50);
      const skipped = (list: RunRecord[]) => list.some((run) => run.status === 'skipped');
      return skipped(alpha) && skipped(beta) ? { alpha, beta } : undefined;
    });
    const real = (list: RunRecord[]) => list.filter((run) => run.status !== 'skipped');
    expect(real(runs.alpha)[0]?.trigger).toBe('cron');
    expect(overlaps(real(runs.alpha).at(-1) as RunRecord, real(runs.beta).at(-1) as RunRecord)).toBe(true);
    for (const list of [runs.alpha, runs.beta]) {
      expect(real(list)).toHaveLength(1);
      const skipped = list.find((run) => run.status === 'skipped') as RunRecord;
      expect(skipped).toMatchObject({ trigger: 'cron', errors: [expect.objectContaining({ code: 'flow_busy' })] });
    }
  });

  it('records a tick as skipped when a manual run holds the flow', async () => {
    t = await createTestApp({ schedule: true });
    const saved = await t.api().put('/api/flows/shop').send(peopleFlow('shop', { total: 40, delayMs: 100 }));
    const manual = await t.api().post('/api/flows/shop/runs').send({});
    expect(manual.status).toBe(202);
    await t.api().put('/api/flows/shop').set('If-Match', saved.body.etag).send(peopleFlow('shop', { total: 40, delayMs: 100, schedule: EVERY_SECOND }));
    const skipped = await waitFor(async () => (await t.ctx.store.listRuns('shop', 50)).find((run) => run.status === 'skipped'));
    expect(skipped.trigger).toBe('cron');
    expect((await t.ctx.store.getRun(manual.body.runId))?.status).toBe('running');
  });

  it('reschedules at once on save, disable and delete, and exposes the next run times', async () => {
    t = await createTestApp({ schedule: true });
    const daily = { cron: '30 2 * * *', timezone: 'Europe/Berlin' };
    const created = await t.api().put('/api/flows/shop').send(peopleFlow('shop', { schedule: daily }));
    const [listed] = (await t.api().get('/api/flows')).body.flows;
    expect(listed.nextRuns).toHaveLength(3);
    expect(listed.nextRuns.every((time: string) => /T0[01]:30:00.000Z$/.test(time))).toBe(true);
    expect(listed.schedule).toEqual(daily);
    const disabled = await t.api().put('/api/flows/shop').set('If-Match', created.body.etag).send(peopleFlow('shop', { schedule: daily, enabled: false }));
    expect((await t.api().get('/api/flows')).body.flows[0].nextRuns).toEqual([]);
    expect(t.ctx.scheduler.scheduledFlowIds()).toEqual([]);
    await t.api().put('/api/flows/shop').set('If-Match', disabled.body.etag).send(peopleFlow('shop', { schedule: { cron: '0 * * * *' } }));
    expect(t.ctx.scheduler.scheduledFlowIds()).toEqual(['shop']);
    expect(new Date((await t.api().get('/api/flows')).body.flows[0].nextRuns[0]).getUTCMinutes()).toBe(0);
    await t.api().delete('/api/flows/shop');
    expect(t.ctx.scheduler.scheduledFlowIds()).toEqual([]);
  });

  it('schedules the valid saved flows when it starts', async () => {
    t = await createTestApp({ schedule: false });
    await t.api().put('/api/flows/shop').send(peopleFlow('shop', { schedule: { cron: '0 * * * *' } }));
    await t.api().put('/api/flows/off').send(peopleFlow('off', { schedule: { cron: '0 * * * *' }, enabled: false }));
    const { createAppContext } = await import('../../../runtime/server/app-context.ts');
    const second = await createAppContext({ dataDir: t.dataDir, flowsDir: t.flowsDir, env: { TRIBUTARY_SECRET_KEY: 'a test secret key' }, catalog: t.ctx.catalog, store: t.ctx.store });
    try {
      expect(second.scheduler.scheduledFlowIds()).toEqual(['shop']);
    } finally {
      await second.close();
    }
  });

  it('refuses an invalid cron expression or time zone at save, naming the field', async () => {
    t = await createTestApp();
    const response = await t.api().put('/api/flows/shop').send(peopleFlow('shop', { schedule: { cron: '61 * * * *', timezone: 'Europe/Atlantis' } }));
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('flow_invalid');
    expect(response.body.error.details.issues).toEqual([
      expect.objectContaining({ field: 'schedule.cron', message: expect.stringContaining('not a valid cron expression') }),
      expect.objectContaining({ field: 'schedule.timezone', message: expect.stringContaining('not an IANA time zone') }),
    ]);
    expect((await t.api().get('/api/flows/shop')).status).toBe(404);
  });
});

describe('GET /api/schedule/preview', () => {
  it('describes a valid schedule with its next three run times, and explains an invalid one', async () => {
    t = await createTestApp();
    const valid = await t.api().get('/api/schedule/preview').query({ cron: '30 2 * * *', timezone: 'Europe/Berlin' });
    expect(valid.body).toEqual({ valid: true, description: 'every day at 02:30 (Europe/Berlin)', next: [expect.any(String), expect.any(String), expect.any(String)] });
    const invalid = await t.api().get('/api/schedule/preview').query({ cron: 'often', timezone: 'Nowhere/Land' });
    expect(invalid.body).toMatchObject({ valid: false, next: [] });
    expect(invalid.body.message).toContain('not a valid cron expression');
    expect(invalid.body.message).toContain('not an IANA time zone');
    expect((await t.api().get('/api/schedule/preview')).status).toBe(400);
  });
});
