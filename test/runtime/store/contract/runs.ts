import { describe, expect, it } from 'vitest';
import type { RejectRecord } from '../../../../runtime/store/types.ts';
import { run, unique, type StoreGetter } from './fixtures.ts';

/** Run records, retention, stale runs and rejects. */
export function describeRunContract(store: StoreGetter): void {
  describe('runs', () => {
    it('saves, replaces and reads a run', async () => {
      const flow = unique('flow');
      const record = run(flow, unique('run'), 1, 'running');
      await store().saveRun(record);
      expect(await store().getRun(record.id)).toEqual(record);
      const finished = { ...record, status: 'partial' as const, finishedAt: new Date().toISOString(), durationMs: 1200,
        rejected: 2, errors: [{ nodeId: 'customers', code: 'bad_record', message: 'no email' }] };
      await store().saveRun(finished);
      expect(await store().getRun(record.id)).toEqual(finished);
      expect(await store().getRun(unique('missing'))).toBeUndefined();
    });

    it('lists a flow\'s runs newest first, up to a limit', async () => {
      const flow = unique('flow');
      for (const minutesAgo of [3, 1, 5, 2, 4]) await store().saveRun(run(flow, `${flow}-${minutesAgo}`, minutesAgo));
      await store().saveRun(run(unique('other'), unique('run'), 0));
      expect((await store().listRuns(flow)).map((r) => r.id)).toEqual([1, 2, 3, 4, 5].map((m) => `${flow}-${m}`));
      expect((await store().listRuns(flow, 2)).map((r) => r.id)).toEqual([`${flow}-1`, `${flow}-2`]);
    });

    it('keeps only the newest runs of a flow, and the rejects of those', async () => {
      const [flow, other] = [unique('flow'), unique('other')];
      await store().saveRun(run(other, `${other}-old`, 100));
      for (const minutesAgo of [5, 4, 3, 2]) {
        await store().saveRun(run(flow, `${flow}-${minutesAgo}`, minutesAgo), 3);
        await store().addRejects(flow, `${flow}-${minutesAgo}`, [{ nodeId: 'n', reason: 'bad', record: minutesAgo }]);
      }
      await store().saveRun(run(flow, `${flow}-1`, 1), 3);
      expect((await store().listRuns(flow)).map((r) => r.id)).toEqual([1, 2, 3].map((m) => `${flow}-${m}`));
      expect(await store().getRun(`${flow}-5`)).toBeUndefined();
      const rejects = (await store().listRejects({ flowId: flow })).items.map((reject) => reject.runId);
      expect(rejects).toEqual([`${flow}-3`, `${flow}-2`]);
      expect(await store().getRun(`${other}-old`)).toBeDefined();
    });

    it('fails the runs a dead process left running, and only those', async () => {
      const [flow, other] = [unique('flow'), unique('other')];
      await store().saveRun(run(flow, `${flow}-a`, 10, 'running'));
      await store().saveRun(run(flow, `${flow}-b`, 5, 'running'));
      await store().saveRun(run(flow, `${flow}-done`, 20, 'succeeded'));
      await store().saveRun(run(other, `${other}-a`, 1, 'running'));
      const failed = await store().failStaleRuns(flow, 'The process running this flow stopped.');
      expect([...failed].sort()).toEqual([`${flow}-a`, `${flow}-b`]);
      const stale = await store().getRun(`${flow}-a`);
      expect(stale).toMatchObject({ status: 'failed', finishedAt: expect.any(String) });
      expect(stale?.errors.at(-1)?.message).toBe('The process running this flow stopped.');
      expect((await store().getRun(`${flow}-done`))?.status).toBe('succeeded');
      expect((await store().getRun(`${other}-a`))?.status).toBe('running');
      expect(await store().failStaleRuns(flow, 'again')).toEqual([]);
    });
  });

  describe('rejects', () => {
    it('keeps rejected records, listed by flow or run, page by page in the order they came', async () => {
      const [flow, other] = [unique('flow'), unique('other')];
      const inputs = (runId: string, count: number) => Array.from({ length: count },
        (_, i) => ({ nodeId: 'customers', reason: `bad ${runId} ${i}`, record: { id: i, nested: [runId] } }));
      await store().addRejects(flow, 'r1', inputs('r1', 3));
      await store().addRejects(other, 'r9', inputs('r9', 1));
      await store().addRejects(flow, 'r2', inputs('r2', 2));
      await store().addRejects(flow, 'r2', []);

      const seen: RejectRecord[] = [];
      let cursor: string | undefined;
      do {
        const page = await store().listRejects({ flowId: flow, limit: 2, cursor });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.map((reject) => reject.reason)).toEqual(['bad r1 0', 'bad r1 1', 'bad r1 2', 'bad r2 0', 'bad r2 1']);
      expect(seen[0]).toMatchObject({ flowId: flow, runId: 'r1', nodeId: 'customers', record: { id: 0, nested: ['r1'] } });
      expect(seen[0].createdAt).toEqual(expect.any(String));
      expect(new Set(seen.map((reject) => reject.id)).size).toBe(5);

      const byRun = await store().listRejects({ flowId: flow, runId: 'r2' });
      expect(byRun.items.map((reject) => reject.reason)).toEqual(['bad r2 0', 'bad r2 1']);
      expect(byRun.nextCursor).toBeUndefined();
    });
  });
}
