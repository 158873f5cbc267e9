/**
 * `npm run bench -- rest [--records N]`: N records from a local paged REST API (the test fixture, 1,000 per
 * page) → person → SQLite, through the real runtime (rest.transport → rest.collection → core.field-mapper →
 * core.entity-store) and through a hand-written loop (fetch pages, JSON.parse, map, validate, batched
 * better-sqlite3 upserts), each in its own process so peak RSS is its own. This file is also the worker:
 * `rest-bench.ts runtime|baseline <url> <dir>`.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { Flow, FlowNode } from '../nodes/contract/flow-file.ts';
import { personSchema } from '../nodes/entities/person.ts';
import type { BenchOptions } from './contacts-bench.ts';
import type { WorkerResult } from './run-worker.ts';
import { openBaselineTable } from './baseline-table.ts';

const PAGE_SIZE = 1000;

/** A person as both benchmark sides map a record. */
export type BenchPerson = { lastName: string; email: string; updatedAt: string };

/** The entity store of a hand-written baseline: the same table, hashing and batched upserts as the runtime's SQLite store. */
export interface BaselineStore {
  write(batch: { id: string; data: BenchPerson }[]): void;
  /** Valid per the person schema (invalid records are skipped, as the runtime rejects them). */
  valid(data: BenchPerson): boolean;
  close(): number;
}

/** Opens the baseline's SQLite file in `dataDir`; `close` returns its size in bytes. */
export function openBaselineStore(dataDir: string, channel: string): BaselineStore {
  const table = openBaselineTable(dataDir);
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(personSchema);
  const write = table.db.transaction((batch: { id: string; data: BenchPerson }[], now: string) => {
    for (const { id, data } of batch) {
      const json = JSON.stringify({ email: data.email, lastName: data.lastName, updatedAt: data.updatedAt });
      const hash = createHash('sha256').update(json).digest('hex');
      table.upsert('person', channel, id, json, hash, `${data.lastName} ${data.email}`.toLowerCase(), now);
    }
  });
  return {
    write: (batch) => write(batch, new Date().toISOString()),
    valid: (data) => validate(data),
    close: () => table.close(),
  };
}

/** The person mapping both sides apply: the example flow's rules. */
export function toBenchPerson(record: { name: string; email: string; updated_at: string | Date }): BenchPerson {
  const updated = record.updated_at instanceof Date ? record.updated_at : new Date(record.updated_at);
  return { lastName: record.name.trim(), email: record.email.trim().toLowerCase(), updatedAt: updated.toISOString() };
}

/** The field mapper and store nodes both runtime benchmarks end with. */
export function personNodes(): FlowNode[] {
  return [
    {
      id: 'to-person', type: 'core.field-mapper', version: 1,
      config: {
        entityType: 'person', originId: 'id',
        fields: [
          { target: 'lastName', source: 'name', coerce: 'trim' },
          { target: 'email', source: 'email', coerce: ['trim', 'lower'] },
          { target: 'updatedAt', source: 'updated_at', coerce: 'datetime' },
        ],
      },
    },
    { id: 'store', type: 'core.entity-store', version: 1, config: {} },
  ];
}

/**
 * Runs `flow` through the real runtime into a SQLite store in `dataDir` and measures it. The runtime is
 * imported here, not at the top, so a baseline worker never loads it (its peak RSS stays its own).
 */
export async function measureRuntime(flow: Flow, dataDir: string): Promise<WorkerResult> {
  const [{ createBuiltInCatalog }, { EntityRegistry }, { runFlow }, { SqliteEntityStore }] = await Promise.all([
    import('../nodes/builtin.ts'), import('../nodes/entities/registry.ts'), import('../runtime/engine/run-flow.ts'), import('../runtime/store/sqlite-store.ts'),
  ]);
  const entities = new EntityRegistry();
  const store = new SqliteEntityStore({ dataDir, registry: entities });
  await store.init();
  const started = performance.now();
  const run = await runFlow({ flow, catalog: createBuiltInCatalog(), store, entities, trigger: 'cli' });
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  if (run.status !== 'succeeded') throw new Error(`benchmark run ${run.status}: ${JSON.stringify(run.errors)}`);
  const storeBytes = statSync(path.join(dataDir, 'tributary.db')).size;
  return { records: run.entities.added, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, storeBytes };
}

function restFlow(url: string): Flow {
  const connect = (from: string, out: string, to: string, input: string) => ({ from: { node: from, port: out }, to: { node: to, port: input } });
  return {
    schemaVersion: 1, id: 'bench-rest', name: 'Benchmark: REST pages to persons', settings: { batchSize: PAGE_SIZE },
    nodes: [
      { id: 'api', type: 'rest.transport', version: 1, config: { baseUrl: url } },
      {
        id: 'people', type: 'rest.collection', version: 1,
        config: { path: 'page/items', recordsPath: 'data.items', pagination: 'page', pageSizeParam: 'per_page', pageSize: PAGE_SIZE, maxPages: 1_000_000 },
      },
      ...personNodes(),
    ],
    connections: [connect('api', 'transport', 'people', 'transport'), connect('people', 'records', 'to-person', 'records'), connect('to-person', 'entities', 'store', 'entities')],
  };
}

async function baseline(url: string, dataDir: string): Promise<WorkerResult> {
  const store = openBaselineStore(dataDir, 'bench-rest');
  const started = performance.now();
  let records = 0;
  for (let page = 1; ; page++) {
    const response = await fetch(`${url}page/items?per_page=${PAGE_SIZE}&page=${page}`, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`page ${page}: HTTP ${response.status}`);
    const items = (JSON.parse(await response.text()) as { data: { items: { id: number; name: string; email: string; updated_at: string }[] } }).data.items;
    const batch = items.map((item) => ({ id: String(item.id), data: toBenchPerson(item) })).filter((entry) => store.valid(entry.data));
    store.write(batch);
    records += batch.length;
    if (items.length < PAGE_SIZE) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const storeBytes = store.close();
  return { records, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, storeBytes };
}

/** Starts the REST fixture with `records` records and compares the runtime with the baseline. */
export async function run({ records }: BenchOptions): Promise<void> {
  const [{ startRestFixture }, { describeMachine }, { printComparison, runWorker }] = await Promise.all([
    import('../test/fixtures/rest/server.ts'), import('./contacts-bench.ts'), import('./run-worker.ts'),
  ]);
  const api = await startRestFixture({ records, maxPageSize: PAGE_SIZE });
  process.stdout.write(`rest: ${records.toLocaleString('en-US')} records from a local paged REST API → person → SQLite  (${describeMachine()})\n`);
  const dirs = [mkdtempSync(path.join(tmpdir(), 'tributary-bench-rest-')), mkdtempSync(path.join(tmpdir(), 'tributary-bench-rest-'))];
  try {
    const base = await runWorker('./rest-bench.ts', ['baseline', api.url, dirs[0]]);
    const runtime = await runWorker('./rest-bench.ts', ['runtime', api.url, dirs[1]]);
    printComparison(`rest (${records.toLocaleString('en-US')} records, ${Math.ceil(records / PAGE_SIZE)} pages of ${PAGE_SIZE})`, runtime, base);
  } finally {
    await api.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [side, url, dataDir] = process.argv.slice(2);
  const result = side === 'runtime' ? await measureRuntime(restFlow(url), dataDir) : await baseline(url, dataDir);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
