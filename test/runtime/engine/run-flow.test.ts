import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FlowDefinitionError, LeaseHeldError } from '../../../nodes/contract/errors.ts';
import { EntityRegistry } from '../../../nodes/entities/registry.ts';
import { runFlow } from '../../../runtime/engine/run-flow.ts';
import type { RunFlowOptions } from '../../../runtime/engine/run-options.ts';
import { SqliteEntityStore } from '../../../runtime/store/sqlite-store.ts';
import { createProbe, createTestCatalog, fanOutFlow, linearFlow, type Probe } from './test-nodes.ts';

let dir: string;
let store: SqliteEntityStore;
let probe: Probe;
const entities = new EntityRegistry();

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-engine-'));
  store = new SqliteEntityStore({ dataDir: dir, registry: entities });
  await store.init();
  probe = createProbe();
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const options = (flow = linearFlow(), extra: Partial<RunFlowOptions> = {}): RunFlowOptions => ({
  flow, catalog: createTestCatalog(probe), store, entities, trigger: 'manual', env: {}, ...extra,
});

describe('runFlow', () => {
  it('streams every record to the store, counts per node and commits the final cursor', async () => {
    const run = await runFlow(options(linearFlow({ counter: { total: 10, per: 3 } })));
    expect(run.status).toBe('succeeded');
    expect(run.entities).toEqual({ added: 10, updated: 0, unchanged: 0 });
    expect(run.nodes.counter.out).toBe(10);
    expect(run.nodes.map).toMatchObject({ in: 10, out: 10, rejected: 0 });
    expect(run.nodes.sink.in).toBe(10);
    expect(await store.getNodeStates('test-flow')).toEqual({ counter: { next: 13 } });
    expect(run.cursorsAfter).toEqual({ counter: { next: 13 } });
    expect(await store.getRun(run.id)).toMatchObject({ status: 'succeeded', entities: run.entities });
    expect(probe).toMatchObject({ opened: 1, closed: 1 });
  });

  it('resumes from the committed cursor and re-reads everything on a full run', async () => {
    await runFlow(options(linearFlow({ counter: { total: 6, per: 3 } })));
    const incremental = await runFlow(options(linearFlow({ counter: { total: 9, per: 3 } })));
    expect(incremental.nodes.counter.out).toBe(3);
    expect(incremental.cursorsBefore).toEqual({ counter: { next: 7 } });
    const full = await runFlow(options(linearFlow({ counter: { total: 9, per: 3 } }), { full: true }));
    expect(full.nodes.counter.out).toBe(9);
    expect(full.entities).toEqual({ added: 0, updated: 0, unchanged: 9 });
  });

  it('commits a cursor only with the records before it: a failing store keeps the last stored cursor', async () => {
    const failed = await runFlow(options(linearFlow({ counter: { total: 12, per: 3 }, sink: { failOnBatch: 3 } })));
    expect(failed.status).toBe('failed');
    expect(failed.errors[0]).toMatchObject({ nodeId: 'sink' });
    expect(failed.errors[0].message).toContain('disk full');
    expect(await store.getNodeStates('test-flow')).toEqual({ counter: { next: 7 } });
    expect((await store.queryEntities({ type: 'person', limit: 100 })).items).toHaveLength(6);
    expect(probe.closed).toBe(1);
    probe = createProbe();
    const rerun = await runFlow(options(linearFlow({ counter: { total: 12, per: 3 } })));
    expect(rerun.status).toBe('succeeded');
    expect(rerun.entities.added).toBe(6);
    expect((await store.queryEntities({ type: 'person', limit: 100 })).items).toHaveLength(12);
  });

  it('waits for every path to a store before committing a fanned-out cursor', async () => {
    const run = await runFlow(options(fanOutFlow({ counter: { total: 6, per: 3 } })));
    expect(run.status).toBe('succeeded');
    expect(run.entities.added).toBe(12);
    expect(await store.getNodeStates('test-flow')).toEqual({ counter: { next: 7 } });
  });

  it('routes per-record failures to rejects and ends partial', async () => {
    const run = await runFlow(options(linearFlow({ counter: { total: 5, per: 5 }, map: { rejectIds: [2, 4] } })));
    expect(run.status).toBe('partial');
    expect(run.rejected).toBe(2);
    expect(run.nodes.map).toMatchObject({ in: 5, out: 3, rejected: 2 });
    const rejects = await store.listRejects({ runId: run.id });
    expect(rejects.items.map((reject) => reject.reason).sort()).toEqual(['id 2 is on the reject list', 'id 4 is on the reject list']);
    expect(rejects.items[0]).toMatchObject({ flowId: 'test-flow', nodeId: 'map' });
  });

  it('keeps producers at most a few batches ahead of a slow store (backpressure)', async () => {
    const run = await runFlow(options(linearFlow({ counter: { total: 60, per: 1 }, sink: { delayMs: 2 } })));
    expect(run.status).toBe('succeeded');
    expect(probe.maxAhead).toBeGreaterThan(0);
    expect(probe.maxAhead).toBeLessThanOrEqual(12);
  });

  it('ends cancelled when its signal aborts, with the cursor matching what was stored', async () => {
    const controller = new AbortController();
    const flow = linearFlow({ counter: { total: 300, per: 1 }, sink: { delayMs: 2 } });
    const running = runFlow(options(flow, { signal: controller.signal, onProgress: (event) => {
      if (event.type === 'node:counts' && event.nodeId === 'sink' && event.counts.in >= 5) controller.abort();
    } }));
    const run = await running;
    expect(run.status).toBe('cancelled');
    expect(probe.closed).toBe(1);
    const stored = (await store.queryEntities({ type: 'person', limit: 1000 })).items.length;
    const state = (await store.getNodeStates('test-flow')).counter as { next: number };
    expect(state.next - 1).toBe(stored);
    expect(stored).toBeLessThan(300);
  });

  it('refuses a second run while the first holds the lease, and lets one in after it expires', async () => {
    expect(await store.acquireLease('test-flow', 'other-process', 60_000)).toBe(true);
    await expect(runFlow(options())).rejects.toThrow(LeaseHeldError);
    await expect(runFlow(options())).rejects.toThrow(/already running.*other-process/);
    await store.releaseLease('test-flow', 'other-process');
    expect(await store.acquireLease('test-flow', 'dead-process', 20)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect((await runFlow(options())).status).toBe('succeeded');
  });

  it('rejects an invalid flow before running, listing every problem', async () => {
    const flow = linearFlow();
    flow.nodes.push({ id: 'ghost', type: 'test.nope', version: 1, config: {} });
    flow.connections.push({ from: { node: 'sink', port: 'x' }, to: { node: 'missing', port: 'y' } });
    const error = await runFlow(options(flow)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FlowDefinitionError);
    const codes = (error as FlowDefinitionError).issues.map((issue) => issue.code).sort();
    expect(codes).toEqual(['dangling-connection', 'unknown-type']);
  });

  it('fails with a message naming node and field when an $env reference is unset, and never leaks a secret', async () => {
    const missingEnv = await runFlow(options(linearFlow({ counter: { total: { $env: 'COUNTER_TOTAL' } } })));
    expect(missingEnv.status).toBe('failed');
    expect(missingEnv.errors[0].message).toContain('node "counter": config.total: environment variable COUNTER_TOTAL is not set');
    const secret = 's3cr3t-token-value';
    const run = await runFlow(options(linearFlow({ conn: { token: { $secret: 'flow/conn/token' }, failOpen: true } }), {
      secrets: { resolve: () => secret },
    }));
    expect(run.status).toBe('failed');
    expect(run.errors[0].nodeId).toBe('conn');
    expect(JSON.stringify(run)).not.toContain(secret);
    expect(JSON.stringify(await store.getRun(run.id))).not.toContain(secret);
  });

  it('lets a node emit after its last input batch (finish), also when no batch came', async () => {
    const run = await runFlow(options(linearFlow({ counter: { total: 0 }, map: { suffix: ' (with a trailer)' } })));
    expect(run.status).toBe('succeeded');
    expect(run.nodes.map).toMatchObject({ in: 0, out: 1 });
    expect((await store.getEntity('person', 'test-flow', 'trailer'))?.data).toEqual({ firstName: 'Trailer' });
  });

  it('coerces $env strings to the schema type', async () => {
    const run = await runFlow(options(linearFlow({ counter: { total: { $env: 'COUNTER_TOTAL' } } }), { env: { COUNTER_TOTAL: '4' } }));
    expect(run.entities.added).toBe(4);
  });
});
