import { setTimeout as sleep } from 'node:timers/promises';
import { NodeCatalog } from '../../../nodes/contract/catalog.ts';
import { defineNode } from '../../../nodes/contract/define-node.ts';
import type { Flow } from '../../../nodes/contract/flow-file.ts';

/** The one api key the test transport accepts. */
export const GOOD_KEY = 'correct-horse-battery-staple-42';

/**
 * Test-only node types: an API transport with a `writeOnly` key (its check and open echo a wrong key on
 * purpose, to prove the server scrubs it), a slow person source, a mapper that can reject, a store.
 */
export function createTestCatalog(): NodeCatalog {
  const catalog = new NodeCatalog();
  catalog.add(defineNode({
    type: 'test.api', version: 1, category: 'transport', channelType: 'testapi', label: 'Test API', description: 'needs a key',
    config: {
      type: 'object', additionalProperties: false, required: ['url', 'apiKey'],
      properties: {
        url: { type: 'string', minLength: 1 },
        apiKey: { type: 'string', writeOnly: true, minLength: 1 },
        auth: { type: 'object', properties: { password: { type: 'string', writeOnly: true } } },
        hang: { type: 'boolean', default: false },
      },
    },
    outputs: { transport: { socket: 'transport:test-api' } },
    async open(ctx) {
      if (ctx.config.apiKey !== GOOD_KEY) throw new Error(`login refused for key ${ctx.config.apiKey}`);
      return { key: ctx.config.apiKey };
    },
    async check(ctx) {
      if (ctx.config.hang) {
        await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve, { once: true }));
        return { ok: false, message: 'aborted' };
      }
      ctx.log.info(`checking with key ${ctx.config.apiKey}`);
      if (ctx.config.apiKey === GOOD_KEY) return { ok: true, message: `Connected to ${ctx.config.url}.`, details: { region: 'eu' } };
      return { ok: false, message: `The server refused key ${ctx.config.apiKey}.`, details: { tried: ctx.config.apiKey } };
    },
  }), 'test');
  catalog.add(defineNode({
    type: 'test.people', version: 1, category: 'connector', channelType: 'testapi', label: 'People', description: 'yields people',
    config: { type: 'object', properties: { total: { type: 'integer', default: 3 }, delayMs: { type: 'integer', default: 0 } } },
    inputs: { transport: { socket: 'transport:test-api', required: true } },
    outputs: { records: { socket: 'records:test.person' } },
    async *read(ctx) {
      ctx.transport();
      for (let id = 1; id <= ctx.config.total; id += 1) {
        if (ctx.config.delayMs > 0) await sleep(ctx.config.delayMs, undefined, { signal: ctx.signal });
        yield { records: [{ id, name: `Person ${id}` }], state: { next: id + 1 } };
      }
    },
  }), 'test');
  catalog.add(defineNode({
    type: 'test.to-person', version: 1, category: 'mapper', channelType: 'core', label: 'To person', description: 'maps',
    config: { type: 'object', properties: { rejectIds: { type: 'array', items: { type: 'integer' } } } },
    inputs: { records: { socket: 'records:*', required: true } },
    outputs: { entities: { socket: 'entities:person' } },
    transform(records, ctx) {
      const out = [];
      for (const record of records as { id: number; name: string }[]) {
        if (ctx.config.rejectIds?.includes(record.id)) ctx.reject(record, `person ${record.id} is on the reject list`);
        else out.push({ type: 'person', originId: String(record.id), data: { firstName: record.name } });
      }
      return out;
    },
  }), 'test');
  catalog.add(defineNode({
    type: 'test.store', version: 1, category: 'store', channelType: 'core', label: 'Store', description: 'stores entities',
    config: { type: 'object', properties: {} },
    inputs: { entities: { socket: 'entities:*', required: true, multiple: true } },
    async write(batch, ctx) {
      await ctx.writeEntities(batch.records);
    },
  }), 'test');
  return catalog;
}

/** Options of `peopleFlow`. */
export interface PeopleFlowOptions {
  apiKey?: unknown;
  total?: number;
  delayMs?: number;
  rejectIds?: number[];
  schedule?: Flow['schedule'];
  enabled?: boolean;
}

/** api → people → to-person → store: a small flow over the test node types. */
export function peopleFlow(id: string, options: PeopleFlowOptions = {}): Flow {
  const wire = (from: string, fromPort: string, to: string, toPort: string) => ({ from: { node: from, port: fromPort }, to: { node: to, port: toPort } });
  return {
    schemaVersion: 1, id, name: `People ${id}`,
    ...(options.enabled === undefined ? {} : { enabled: options.enabled }),
    ...(options.schedule ? { schedule: options.schedule } : {}),
    nodes: [
      { id: 'api', type: 'test.api', version: 1, config: { url: 'https://api.example.test', apiKey: options.apiKey ?? GOOD_KEY }, position: { x: 0, y: 0 } },
      { id: 'people', type: 'test.people', version: 1, config: { total: options.total ?? 3, delayMs: options.delayMs ?? 0 }, position: { x: 200, y: 0 } },
      { id: 'map', type: 'test.to-person', version: 1, config: options.rejectIds ? { rejectIds: options.rejectIds } : {}, position: { x: 400, y: 0 } },
      { id: 'store', type: 'test.store', version: 1, config: {}, position: { x: 600, y: 0 } },
    ],
    connections: [wire('api', 'transport', 'people', 'transport'), wire('people', 'records', 'map', 'records'), wire('map', 'entities', 'store', 'entities')],
  };
}
