// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Flow, RunRecord } from '../../editor/src/api/types.ts';
import { request } from '../../editor/src/api/http.ts';
import { TOKEN_STORAGE_KEY, takeTokenFromLocation, useAuthStore } from '../../editor/src/stores/auth.ts';
import { groupPalette, nodesChangedText, useCatalogueStore } from '../../editor/src/stores/catalogue.ts';
import { parseFlowFile, useFlowsStore } from '../../editor/src/stores/flows.ts';
import { applyProgress, useRunsStore } from '../../editor/src/stores/runs.ts';
import { installFakeApi } from './fake-api.ts';
import { catalogue, contactsFlow, csvType, mapperType } from './fixtures.ts';

const run = (patch: Partial<RunRecord> = {}): RunRecord => ({
  id: 'r1', flowId: 'contacts-csv', trigger: 'manual', full: false, status: 'running', startedAt: '2026-01-01T00:00:00Z',
  nodes: {}, entities: { added: 0, updated: 0, unchanged: 0 }, rejected: 0, errors: [], cursorsBefore: {}, cursorsAfter: {}, ...patch,
});

/** An EventSource the test drives by hand. */
class FakeEventSource {
  static last: FakeEventSource | undefined;
  readonly listeners = new Map<string, (event: MessageEvent) => void>();
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) { FakeEventSource.last = this; }
  addEventListener(type: string, listener: (event: MessageEvent) => void): void { this.listeners.set(type, listener); }
  close(): void { this.closed = true; }
  send(type: string, data: unknown): void { this.listeners.get(type)?.({ data: JSON.stringify(data) } as MessageEvent); }
}

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
});
afterEach(() => vi.unstubAllGlobals());

describe('auth store', () => {
  it('takes the token from the printed link and strips it from the address', () => {
    history.replaceState(null, '', '/?token=abc123#/flows');
    expect(takeTokenFromLocation(location, history, localStorage)).toBe('abc123');
    expect(location.search).toBe('');
    expect(location.hash).toBe('#/flows');
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('abc123');
    expect(useAuthStore().token).toBe('abc123');
  });

  it('prompts without a token, and again when the server refuses it', async () => {
    const auth = useAuthStore();
    expect(auth.prompting).toBe(true);
    auth.setToken('wrong');
    expect(auth.prompting).toBe(false);
    installFakeApi({ 'GET /api/flows': () => ({ status: 401, body: { error: { code: 'unauthorized', message: 'bad token' } } }) });
    await expect(request('GET', '/api/flows')).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    expect(auth.prompting).toBe(true);
    expect(auth.token).toBeNull();
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });
});

describe('catalogue store', () => {
  it('groups the palette by channel type (core first), then category in palette order, and searches', () => {
    const groups = groupPalette(catalogue);
    expect(groups.map((group) => group.channelType)).toEqual(['core', 'file', 'magento']);
    expect(groups[1].categories.map((section) => [section.category, section.nodes.map((node) => node.type)]))
      .toEqual([['transport', ['file.transport']], ['connector', ['file.csv']]]);
    expect(groupPalette(catalogue, 'mapp').flatMap((group) => group.categories.flatMap((section) => section.nodes))).toEqual([mapperType]);
  });

  it('loads from the API and looks types up by exact version', async () => {
    installFakeApi({ 'GET /api/nodes': () => ({ body: { nodes: catalogue, entityTypes: [{ type: 'person', label: 'Persons', schema: { type: 'object' } }], problems: [] } }) });
    useAuthStore().setToken('t');
    const store = useCatalogueStore();
    await store.load();
    expect(store.lookup('file.csv', 1)).toEqual(csvType);
    expect(store.lookup('file.csv', 2)).toBeUndefined();
    expect(store.latestOf('file.csv')?.version).toBe(1);
    expect(store.entityTypes.map((entity) => entity.type)).toEqual(['person']);
  });

  it('follows node changes with the token: refetches on nodes:changed and after a break, so the palette updates', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    let served = [csvType];
    const requests = installFakeApi({ 'GET /api/nodes': () => ({ body: { nodes: served, entityTypes: [], problems: [] } }) });
    useAuthStore().setToken('tok');
    const store = useCatalogueStore();
    const heard: unknown[] = [];
    store.follow('tok', (event) => heard.push(event));
    expect(FakeEventSource.last?.url).toBe('/api/nodes/events?token=tok');
    const event = { source: '/nodes/mapper.mjs', nodeTypes: ['core.field-mapper@1'], problems: 0, at: '2026-01-01T00:00:00.000Z' };
    FakeEventSource.last?.send('nodes:changed', event);
    await vi.waitFor(() => expect(heard).toEqual([event]));
    expect(requests).toHaveLength(0);
    expect(nodesChangedText(event)).toBe('mapper.mjs was reloaded: core.field-mapper@1.');

    await store.load();
    expect(groupPalette(store.nodes).map((group) => group.channelType)).toEqual(['file']);
    served = [csvType, mapperType];
    FakeEventSource.last?.send('nodes:changed', event);
    await vi.waitFor(() => expect(heard).toHaveLength(2));
    expect(groupPalette(store.nodes).map((group) => group.channelType)).toEqual(['core', 'file']);
    served = [mapperType];
    FakeEventSource.last?.send('error', {});
    FakeEventSource.last?.send('open', {});
    await vi.waitFor(() => expect(store.lookup('file.csv', 1)).toBeUndefined());
    expect(heard).toHaveLength(2);
    store.stopFollowing();
    expect(FakeEventSource.last?.closed).toBe(true);
  });
});

describe('flows store', () => {
  function server() {
    const flows = new Map<string, Flow>([['contacts-csv', contactsFlow()]]);
    const requests = installFakeApi({
      'GET /api/flows': () => ({ body: { flows: [...flows.values()].map((flow) => ({ id: flow.id, name: flow.name, enabled: flow.enabled ?? true,
        channelTypes: [], nextRuns: [], etag: 'e' })) } }),
      'GET /api/flows/:id': ({ params }) => ({ body: flows.get(params.id), headers: { ETag: '"e"' } }),
      'PUT /api/flows/:id': ({ params, body }) => { flows.set(params.id, body as Flow); return { status: 201, body: { flow: body, etag: '"n"' } }; },
      'DELETE /api/flows/:id': ({ params }) => { flows.delete(params.id); return { status: 204 }; },
    });
    useAuthStore().setToken('t');
    return { flows, requests };
  }

  it('creates, duplicates (disabled, new id) and imports under a free id', async () => {
    const { flows } = server();
    const store = useFlowsStore();
    await store.load();
    expect(await store.create('Shop orders')).toBe('shop-orders');
    expect(flows.get('shop-orders')).toMatchObject({ schemaVersion: 1, name: 'Shop orders', nodes: [], connections: [] });
    expect(await store.duplicate('contacts-csv')).toBe('contacts-csv-copy');
    expect(flows.get('contacts-csv-copy')).toMatchObject({ name: 'Contacts from CSV (copy)', enabled: false });
    expect(await store.importFlow(JSON.stringify(contactsFlow()))).toBe('contacts-csv-2');
    expect(store.flows.map((flow) => flow.id)).toEqual(['contacts-csv', 'shop-orders', 'contacts-csv-copy', 'contacts-csv-2']);
  });

  it('deletes a flow with or without its entities', async () => {
    const { requests } = server();
    const store = useFlowsStore();
    await store.load();
    await store.remove('contacts-csv', true);
    expect(requests.at(-1)?.query.get('deleteEntities')).toBe('true');
    expect(store.flows).toEqual([]);
  });

  it('refuses a file that is not a flow, saying why', () => {
    expect(() => parseFlowFile('nope')).toThrow(/not JSON/);
    expect(() => parseFlowFile('{"id":"x"}')).toThrow(/needs "id", "nodes" and "connections"/);
  });
});

describe('runs store', () => {
  it('folds progress events into the run record', () => {
    const started = applyProgress(null, { type: 'run:start', run: run() });
    const counted = applyProgress(started, { type: 'node:counts', runId: 'r1', nodeId: 'csv',
      counts: { in: 0, out: 10, rejected: 1, durationMs: 5 }, entities: { added: 9, updated: 0, unchanged: 0 } });
    expect(counted?.nodes.csv.out).toBe(10);
    expect(counted?.entities.added).toBe(9);
    expect(applyProgress(counted, { type: 'node:counts', runId: 'other', nodeId: 'x', counts: { in: 1, out: 1, rejected: 0, durationMs: 1 },
      entities: { added: 0, updated: 0, unchanged: 0 } })).toBe(counted);
  });

  it('starts a run (trigger manual), follows its events with the token, then shows the final record and its rejects', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const finished = run({ status: 'partial', nodes: { csv: { in: 0, out: 3, rejected: 1, durationMs: 4 } }, rejected: 1 });
    const requests = installFakeApi({
      'GET /api/flows/:id/runs': () => ({ body: { runs: [finished] } }),
      'POST /api/flows/:id/runs': ({ body }) => ({ status: 202, body: { runId: (body as { full: boolean }).full ? 'full-run' : 'r1' } }),
      'GET /api/rejects': ({ query }) => ({ body: { items: [{ id: 1, flowId: 'contacts-csv', runId: query.get('runId'), nodeId: 'csv',
        reason: 'line 3: too few columns', record: {}, createdAt: '' }] } }),
    });
    useAuthStore().setToken('tok');
    const store = useRunsStore();
    await store.open('contacts-csv');
    expect(await store.start(false)).toBe('r1');
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ full: false, trigger: 'manual' });
    expect(FakeEventSource.last?.url).toBe('/api/runs/r1/events?token=tok');
    expect(store.running).toBe(true);
    FakeEventSource.last?.send('progress', { type: 'node:counts', runId: 'r1', nodeId: 'csv', counts: { in: 0, out: 2, rejected: 0, durationMs: 1 },
      entities: { added: 2, updated: 0, unchanged: 0 } });
    expect(store.counts.csv.out).toBe(2);
    FakeEventSource.last?.send('end', finished);
    await vi.waitFor(() => expect(store.rejects).toHaveLength(1));
    expect(store.running).toBe(false);
    expect(store.counts.csv).toEqual({ in: 0, out: 3, rejected: 1, durationMs: 4 });
    expect(store.history).toEqual([finished]);
    expect(FakeEventSource.last?.closed).toBe(true);
  });

  it('says so when the flow is already running', async () => {
    installFakeApi({
      'GET /api/flows/:id/runs': () => ({ body: { runs: [] } }),
      'POST /api/flows/:id/runs': () => ({ status: 409, body: { error: { code: 'flow_busy', message: 'contacts-csv is running' } } }),
    });
    useAuthStore().setToken('tok');
    const store = useRunsStore();
    await store.open('contacts-csv');
    await expect(store.start(true)).rejects.toMatchObject({ status: 409, code: 'flow_busy' });
    expect(store.running).toBe(false);
  });
});
