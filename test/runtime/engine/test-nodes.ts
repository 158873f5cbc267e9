import { NodeCatalog } from '../../../nodes/contract/catalog.ts';
import { defineNode } from '../../../nodes/contract/define-node.ts';
import { TransportError } from '../../../nodes/contract/errors.ts';
import type { Flow, FlowConnection, FlowNode } from '../../../nodes/contract/flow-file.ts';

/** What the test nodes observed, shared with the tests. */
export interface Probe {
  opened: number;
  closed: number;
  /** Batches the counter source has yielded so far. */
  produced: number;
  /** Batches the slow sink has finished. */
  consumed: number;
  /** Largest produced - consumed gap seen by the sink. */
  maxAhead: number;
  /** Records seen by the counter source's transport. */
  transportSecret?: string;
}

/** A fresh probe. */
export const createProbe = (): Probe => ({ opened: 0, closed: 0, produced: 0, consumed: 0, maxAhead: 0 });

/** Test-only node types driving the engine: a transport, a counting source, a mapper, a failing sink. */
export function createTestCatalog(probe: Probe): NodeCatalog {
  const catalog = new NodeCatalog();
  catalog.add(defineNode({
    type: 'test.transport', version: 1, category: 'transport', channelType: 'test', label: 'T', description: 'test transport',
    config: { type: 'object', properties: { token: { type: 'string', writeOnly: true }, failOpen: { type: 'boolean' } } },
    outputs: { transport: { socket: 'transport:test' } },
    async open(ctx) {
      if (ctx.config.failOpen) throw new TransportError(`cannot log in with token ${ctx.config.token}`, { retryable: false });
      probe.opened += 1;
      probe.transportSecret = ctx.config.token;
      return { token: ctx.config.token };
    },
    async close() {
      probe.closed += 1;
    },
  }), 'test');
  catalog.add(defineNode({
    type: 'test.counter', version: 1, category: 'connector', channelType: 'test', label: 'Counter', description: 'yields ids',
    config: { type: 'object', properties: { total: { type: 'integer', default: 10 }, per: { type: 'integer', default: 3 } } },
    inputs: { transport: { socket: 'transport:test', required: true } },
    outputs: { records: { socket: 'records:test.item' } },
    async *read(ctx) {
      ctx.transport<{ token: string }>();
      const start = typeof ctx.state === 'object' && ctx.state ? (ctx.state as { next: number }).next : 1;
      for (let id = start; id <= ctx.config.total; id += ctx.config.per) {
        const records = [];
        for (let i = id; i < id + ctx.config.per && i <= ctx.config.total; i += 1) records.push({ id: i, name: `Name ${i}` });
        probe.produced += 1;
        yield { records, state: { next: id + ctx.config.per } };
      }
    },
  }), 'test');
  catalog.add(defineNode({
    type: 'test.to-person', version: 1, category: 'mapper', channelType: 'test', label: 'To person', description: 'maps',
    config: { type: 'object', properties: { rejectIds: { type: 'array', items: { type: 'integer' } }, suffix: { type: 'string' }, prefix: { type: 'string' } } },
    inputs: { records: { socket: 'records:*', required: true } },
    outputs: { entities: { socket: 'entities:person' } },
    finish(ctx) {
      return ctx.config.suffix === ' (with a trailer)' ? [{ type: 'person', originId: 'trailer', data: { firstName: 'Trailer' } }] : [];
    },
    transform(records, ctx) {
      const out = [];
      for (const record of records as { id: number; name: string }[]) {
        if (ctx.config.rejectIds?.includes(record.id)) ctx.reject(record, `id ${record.id} is on the reject list`);
        else out.push({ type: 'person', originId: `${ctx.config.prefix ?? ''}${record.id}`, data: { firstName: `${record.name}${ctx.config.suffix ?? ''}` } });
      }
      return out;
    },
  }), 'test');
  catalog.add(defineNode({
    type: 'test.sink', version: 1, category: 'store', channelType: 'test', label: 'Sink', description: 'stores; may fail or be slow',
    config: { type: 'object', properties: { failOnBatch: { type: 'integer' }, delayMs: { type: 'integer' } } },
    inputs: { entities: { socket: 'entities:*', required: true, multiple: true } },
    async write(batch, ctx) {
      probe.maxAhead = Math.max(probe.maxAhead, probe.produced - probe.consumed);
      if (ctx.config.delayMs) await new Promise((resolve) => setTimeout(resolve, ctx.config.delayMs));
      if (ctx.config.failOnBatch === probe.consumed + 1) throw new Error('disk full (simulated)');
      await ctx.writeEntities(batch.records);
      probe.consumed += 1;
    },
  }), 'test');
  return catalog;
}

const node = (id: string, type: string, config: Record<string, unknown> = {}): FlowNode => ({ id, type, version: 1, config });
const wire = (from: string, fromPort: string, to: string, toPort: string): FlowConnection => ({
  from: { node: from, port: fromPort }, to: { node: to, port: toPort },
});

/** transport → counter → to-person → sink, with configs per node id. */
export function linearFlow(configs: Record<string, Record<string, unknown>> = {}, id = 'test-flow'): Flow {
  return {
    schemaVersion: 1, id, name: 'Test flow',
    nodes: [
      node('conn', 'test.transport', configs.conn), node('counter', 'test.counter', configs.counter),
      node('map', 'test.to-person', configs.map), node('sink', 'test.sink', configs.sink),
    ],
    connections: [wire('conn', 'transport', 'counter', 'transport'), wire('counter', 'records', 'map', 'records'), wire('map', 'entities', 'sink', 'entities')],
  };
}

/** Like `linearFlow` but the counter feeds two mappers, both into the sink (two paths per checkpoint). */
export function fanOutFlow(configs: Record<string, Record<string, unknown>> = {}): Flow {
  const flow = linearFlow(configs);
  flow.nodes.push(node('map2', 'test.to-person', { prefix: 'copy-', ...configs.map2 }));
  flow.connections.push(wire('counter', 'records', 'map2', 'records'), wire('map2', 'entities', 'sink', 'entities'));
  return flow;
}
