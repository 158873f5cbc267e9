/**
 * Shared set-up of the Magento suites: a fixture shop, the demo flow pointed at it, a real SQLite store, and helpers to
 * run the flow and read what it stored.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBuiltInCatalog } from '../../../nodes/builtin.ts';
import type { Flow } from '../../../nodes/contract/flow-file.ts';
import { EntityRegistry } from '../../../nodes/entities/registry.ts';
import { runFlow } from '../../../runtime/engine/run-flow.ts';
import { SqliteEntityStore } from '../../../runtime/store/sqlite-store.ts';
import type { RunRecord } from '../../../runtime/store/types.ts';
import type { WindowCursor } from '../../../nodes/magento/sync/window-cursor.ts';
import type { InjectedFailureKind, MagentoFixture, MagentoOperation } from '../../fixtures/magento/index.ts';

/** The demo flow file, as users get it. */
export const DEMO_FLOW_FILE = path.resolve('flows/magento-demo.flow.json');

/** Config overrides per node id of the demo flow. */
export type ConfigPatch = Record<string, Record<string, unknown>>;

/**
 * The demo flow with node configs patched (merged over the file's), for fast, deterministic tests: short retry
 * delays unless a test says otherwise.
 */
export function magentoFlow(patch: ConfigPatch = {}): Flow {
  const flow = JSON.parse(readFileSync(DEMO_FLOW_FILE, 'utf8')) as Flow;
  const base: ConfigPatch = { soap: { retryDelayMs: 10, timeoutMs: 10_000 } };
  for (const node of flow.nodes) node.config = { ...node.config, ...base[node.id], ...patch[node.id] };
  return flow;
}

/** A temporary SQLite store. */
export interface TestStore {
  store: SqliteEntityStore;
  dir: string;
  entities: EntityRegistry;
  close(): Promise<void>;
}

/** Opens a SQLite store in a fresh temporary folder. */
export async function openTestStore(): Promise<TestStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tributary-magento-'));
  const entities = new EntityRegistry();
  const store = new SqliteEntityStore({ dataDir: dir, registry: entities });
  await store.init();
  return {
    store, dir, entities,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The environment the demo flow's `$env` references read. */
export function shopEnv(shop: MagentoFixture, apiKey = shop.apiKey): Record<string, string> {
  return { MAGENTO_WSDL_URL: shop.wsdlUrl, MAGENTO_API_KEY: apiKey };
}

/** Runs the flow once against the shop. */
export function syncShop(target: TestStore, shop: MagentoFixture, flow: Flow, options: { full?: boolean; apiKey?: string } = {}): Promise<RunRecord> {
  return runFlow({
    flow, catalog: createBuiltInCatalog(), store: target.store, entities: target.entities, trigger: 'manual',
    env: shopEnv(shop, options.apiKey), full: options.full,
  });
}

/** Every stored entity of a type in the demo channel, by origin id. */
export async function storedEntities(target: TestStore, type: string): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  for await (const record of target.store.exportEntities(type, 'magento-demo')) found.set(record.originId, record.data);
  return found;
}

/** Entity type → stored count in the demo channel. */
export function countStored(target: TestStore): Promise<Record<string, number>> {
  return target.store.countEntities('magento-demo');
}

/**
 * Arms `failNext(count, kind)` for `operation` exactly when its `nth` call arrives (1-based, counted from now), so a
 * failure hits a chosen record however the calls interleave. The fixture counts a call before it applies failures.
 */
export function failAtCall(shop: MagentoFixture, operation: MagentoOperation, nth: number, kind: InjectedFailureKind, count = 1): void {
  const calls = shop.stats.calls;
  const start = calls[operation];
  let value = start;
  Object.defineProperty(calls, operation, {
    configurable: true,
    enumerable: true,
    get: () => value,
    set: (next: number) => {
      value = next;
      if (next - start === nth) shop.hooks.failNext(count, kind, { operation });
    },
  });
}

/** The committed cursor of a connector node of the demo flow. */
export async function cursorOf(target: TestStore, nodeId: string): Promise<WindowCursor | undefined> {
  return (await target.store.getNodeStates('magento-demo'))[nodeId] as WindowCursor | undefined;
}
