// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Flow } from '../../editor/src/api/types.ts';
import { flowToGraph } from '../../editor/src/graph/flow-graph.ts';
import { useAuthStore } from '../../editor/src/stores/auth.ts';
import { useCatalogueStore } from '../../editor/src/stores/catalogue.ts';
import { useCurrentFlowStore, type EditAction } from '../../editor/src/stores/current-flow.ts';
import { installFakeApi } from './fake-api.ts';
import { catalogue, contactsFlow, lookup } from './fixtures.ts';

/** A server that keeps one flow with an ETag per save, and moves secrets out as the real one does. */
function flowServer(initial: Flow) {
  const state = { flow: initial, etag: '"v1"', saves: 0 };
  const requests = installFakeApi({
    'GET /api/flows/:id': () => ({ body: state.flow, headers: { ETag: state.etag } }),
    'PUT /api/flows/:id': ({ body, headers }) => {
      if (headers['If-Match'] && headers['If-Match'] !== state.etag) {
        return { status: 409, body: { error: { code: 'conflict', message: 'The flow changed since it was read.' } } };
      }
      const flow = body as Flow;
      if (flow.name === 'bad') {
        return { status: 400, body: { error: { code: 'flow_invalid', message: 'invalid', details: { issues: [
          { code: 'config', nodeId: 'csv', field: 'config.glob', message: 'node "csv": config.glob is required' },
          { code: 'missing-input', nodeId: 'store', field: 'inputs.entities', message: 'node "store": required input "entities" is not connected' },
        ] } } } };
      }
      state.saves++;
      state.etag = `"v${state.saves + 1}"`;
      state.flow = JSON.parse(JSON.stringify(flow, (key, value) => (key === 'apiKey' && typeof value === 'string' ? { $secret: 'k' } : value)));
      return { status: 200, body: { flow: state.flow, etag: state.etag } };
    },
    'POST /api/flows/:id/versions/:version/restore': () => ({ body: { flow: { ...initial, name: 'restored' }, etag: '"v9"' } }),
  });
  return { state, requests };
}

function recordingHistory(): { bridge: Parameters<ReturnType<typeof useCurrentFlowStore>['attachHistory']>[0]; actions: EditAction[] } {
  const actions: EditAction[] = [];
  return { actions, bridge: { undo: async () => undefined, redo: async () => undefined, clear: () => undefined, separate: () => undefined, record: (action) => actions.push(action) } };
}

describe('current flow store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    useAuthStore().setToken('secret-token');
  });

  it('loads a flow with its ETag and is clean', async () => {
    const { requests } = flowServer(contactsFlow());
    const store = useCurrentFlowStore();
    await store.load('contacts-csv');
    expect(store.flow?.name).toBe('Contacts from CSV');
    expect(store.etag).toBe('"v1"');
    expect(store.dirty).toBe(false);
    expect(requests[0].headers.Authorization).toBe('Bearer secret-token');
  });

  it('becomes dirty on a config edit, records it for undo, and saves with If-Match', async () => {
    const { requests, state } = flowServer(contactsFlow());
    const store = useCurrentFlowStore();
    const history = recordingHistory();
    store.attachHistory(history.bridge);
    await store.load('contacts-csv');
    store.updateConfig('csv', { glob: 'people/*.csv', delimiter: ';' }, 'glob');
    expect(store.dirty).toBe(true);
    history.actions[0].undo();
    expect(store.node('csv')?.config).toEqual({ glob: '*.csv', delimiter: ';' });
    expect(store.dirty).toBe(false);
    history.actions[0].redo();
    expect(await store.save()).toBe('saved');
    expect(requests.at(-1)?.headers['If-Match']).toBe('"v1"');
    expect(state.flow.nodes[1].config).toEqual({ glob: 'people/*.csv', delimiter: ';' });
    expect(store.etag).toBe('"v2"');
    expect(store.dirty).toBe(false);
  });

  it('takes the saved flow back from the server, so a typed secret becomes the stored placeholder', async () => {
    const flow = contactsFlow();
    flow.nodes.push({ id: 'soap', type: 'magento.soap-transport', version: 1, config: { apiKey: 'typed' } });
    flowServer(flow);
    const store = useCurrentFlowStore();
    await store.load('contacts-csv');
    const generation = store.generation;
    await store.save();
    expect(store.node('soap')?.config).toEqual({ apiKey: { $secret: 'k' } });
    expect(store.generation).toBe(generation);
  });

  it('keeps the server\'s issues when a save is refused, per node', async () => {
    flowServer(contactsFlow());
    const store = useCurrentFlowStore();
    await store.load('contacts-csv');
    store.updateSettings({ name: 'bad' });
    expect(await store.save()).toBe('invalid');
    expect(store.issuesOf('csv').map((issue) => issue.field)).toEqual(['config.glob']);
    expect(store.issues).toHaveLength(2);
    expect(store.dirty).toBe(true);
    store.updateConfig('csv', { glob: 'x' });
    expect(store.issuesOf('csv')).toEqual([]);
    expect(store.issuesOf('store')).toHaveLength(1);
  });

  it('reports a conflict when someone saved in between, and overwrites on request', async () => {
    const { state } = flowServer(contactsFlow());
    const store = useCurrentFlowStore();
    await store.load('contacts-csv');
    state.etag = '"someone-else"';
    store.updateSettings({ name: 'Mine' });
    expect(await store.save()).toBe('conflict');
    expect(store.conflict).toBe(true);
    expect(await store.save(true)).toBe('saved');
    expect(state.flow.name).toBe('Mine');
    expect(store.conflict).toBe(false);
  });

  it('folds an unchanged canvas back without making the flow dirty', async () => {
    flowServer(contactsFlow());
    const store = useCurrentFlowStore();
    await store.load('contacts-csv');
    const nodes = store.flow?.nodes;
    const graph = flowToGraph(store.flow as Flow, lookup);
    store.applyGraph({ nodes: graph.nodes.map(({ id, data, placed, position }) => ({ id, data, placed, position })), connections: graph.connections });
    expect(store.flow?.nodes).toBe(nodes);
    expect(store.dirty).toBe(false);
    store.selection = ['csv', 'store'];
    store.applyGraph({ nodes: graph.nodes.slice(0, 2).map(({ id, data, placed, position }) => ({ id, data, placed, position })), connections: [graph.connections[0]] });
    expect(store.flow?.nodes.map((node) => node.id)).toEqual(['folder', 'csv']);
    expect(store.selection).toEqual(['csv']);
    expect(store.dirty).toBe(true);
  });

  it('keeps a node whose type is missing: shows the server\'s unknown-type issue on open, and sends it unchanged on save', async () => {
    const flow = contactsFlow();
    const legacy = { id: 'old', type: 'acme.legacy', version: 2, config: { b: 2, a: 1 }, position: { x: 5, y: 6 } };
    flow.nodes.push(legacy);
    flow.connections.push({ from: { node: 'old', port: 'out' }, to: { node: 'store', port: 'entities' } });
    const unknown = { code: 'unknown-type', nodeId: 'old', field: 'type', message: 'node "old": unknown node type "acme.legacy" (is its package installed?)' };
    const requests = installFakeApi({
      'GET /api/flows/:id': () => ({ body: flow, headers: { ETag: '"v1"' } }),
      'POST /api/flows/validate': () => ({ body: { valid: false, issues: [unknown] } }),
      'PUT /api/flows/:id': () => ({ status: 400, body: { error: { code: 'flow_invalid', message: 'Flow "contacts-csv" was not saved:', details: { issues: [unknown] } } } }),
    });
    useCatalogueStore().setCatalogue(catalogue);
    const store = useCurrentFlowStore();
    await store.load('contacts-csv');
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /api/flows/contacts-csv', 'POST /api/flows/validate']);
    expect(store.issuesOf('old')).toEqual([unknown]);

    store.updateSettings({ name: 'Renamed' });
    expect(await store.save()).toBe('invalid');
    const sent = requests.at(-1)?.body as Flow;
    expect(sent.nodes.find((node) => node.id === 'old')).toEqual(legacy);
    expect(sent.connections).toContainEqual({ from: { node: 'old', port: 'out' }, to: { node: 'store', port: 'entities' } });
    expect(store.node('old')).toEqual(legacy);
    expect(store.issuesOf('old')).toEqual([unknown]);
  });

  it('does not ask the server to validate a flow whose types are all known', async () => {
    const { requests } = flowServer(contactsFlow());
    useCatalogueStore().setCatalogue(catalogue);
    await useCurrentFlowStore().load('contacts-csv');
    expect(requests.map((request) => request.method)).toEqual(['GET']);
  });

  it('restores a version as a whole and redraws', async () => {
    flowServer(contactsFlow());
    const store = useCurrentFlowStore();
    await store.load('contacts-csv');
    const generation = store.generation;
    await store.restore(2);
    expect(store.flow?.name).toBe('restored');
    expect(store.etag).toBe('"v9"');
    expect(store.generation).toBe(generation + 1);
    expect(store.dirty).toBe(false);
  });
});
