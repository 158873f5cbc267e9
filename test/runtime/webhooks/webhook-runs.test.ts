import { describe, expect, it } from 'vitest';
import { LeaseHeldError } from '../../../nodes/contract/errors.ts';
import { silentLogger } from '../../../nodes/contract/logger.ts';
import type { RunRecord } from '../../../runtime/store/types.ts';
import { WebhookRuns } from '../../../runtime/webhooks/webhook-runs.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(2);
}

/** A fake run manager: counts starts, never lets two overlap, each run takes `runMs`. */
function fakeEngine(runMs: number, options: { busyFirst?: number } = {}) {
  let busy = options.busyFirst ?? 0;
  let running = 0;
  const engine = { starts: 0, overlaps: 0, pending: 1, refused: 0 };
  const start = async (): Promise<{ done: Promise<RunRecord> }> => {
    if (busy > 0) {
      busy -= 1;
      engine.refused += 1;
      throw new LeaseHeldError('Flow "f" is already running.');
    }
    engine.starts += 1;
    running += 1;
    if (running > 1) engine.overlaps += 1;
    const done = sleep(runMs).then(() => {
      running -= 1;
      return { id: `run-${engine.starts}`, status: 'succeeded', errors: [] } as unknown as RunRecord;
    });
    return { done };
  };
  return { engine, start };
}

describe('WebhookRuns', () => {
  it('gathers requests within the debounce window into one run', async () => {
    const { engine, start } = fakeEngine(20);
    const runs = new WebhookRuns({ start, pending: async () => engine.pending, logger: silentLogger, debounceMs: 50 });
    for (let i = 0; i < 5; i++) runs.request('f');
    await runs.whenIdle('f');
    expect(engine.starts).toBe(1);
  });

  it('runs exactly once more after a run during which requests arrived, never two at once', async () => {
    const { engine, start } = fakeEngine(100);
    const runs = new WebhookRuns({ start, pending: async () => engine.pending, logger: silentLogger, debounceMs: 10 });
    runs.request('f');
    await until(() => engine.starts === 1);
    for (let i = 0; i < 5; i++) runs.request('f');
    await runs.whenIdle('f');
    expect(engine).toMatchObject({ starts: 2, overlaps: 0 });
  });

  it('starts no run when nothing is pending', async () => {
    const { engine, start } = fakeEngine(10);
    engine.pending = 0;
    const runs = new WebhookRuns({ start, pending: async () => engine.pending, logger: silentLogger, debounceMs: 10 });
    runs.request('f');
    await runs.whenIdle('f');
    expect(engine.starts).toBe(0);
  });

  it('tries again while another run holds the flow', async () => {
    const { engine, start } = fakeEngine(10, { busyFirst: 2 });
    const runs = new WebhookRuns({ start, pending: async () => engine.pending, logger: silentLogger, debounceMs: 10, retryMs: 20 });
    runs.request('f');
    await runs.whenIdle('f');
    expect(engine).toMatchObject({ refused: 2, starts: 1 });
  });

  it('starts nothing after stop', async () => {
    const { engine, start } = fakeEngine(10);
    const runs = new WebhookRuns({ start, pending: async () => engine.pending, logger: silentLogger, debounceMs: 10 });
    runs.request('f');
    runs.stop();
    runs.request('f');
    await sleep(40);
    expect(engine.starts).toBe(0);
  });
});
