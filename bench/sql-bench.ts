/**
 * `npm run bench -- sql [--records N]`: N rows from the local PostgreSQL (TEST_POSTGRES_URL, else
 * postgres://postgres@127.0.0.1:5432/test) → person → SQLite, through the real runtime (sql.transport →
 * sql.query → core.field-mapper → core.entity-store) and through a hand-written loop (pg-cursor, 1,000 rows
 * a fetch, map, validate, batched better-sqlite3 upserts), each in its own process. The table is created
 * for the run and dropped after. This file is also the worker: `sql-bench.ts runtime|baseline <url> <table> <dir>`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { Flow } from '../nodes/contract/flow-file.ts';
import type { BenchOptions } from './contacts-bench.ts';
import { measureRuntime, openBaselineStore, personNodes, toBenchPerson } from './rest-bench.ts';
import type { WorkerResult } from './run-worker.ts';

const BATCH = 1000;

/** The PostgreSQL the benchmark reads from. */
function databaseUrl(): string {
  return process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

function sqlFlow(url: string, table: string): Flow {
  const connect = (from: string, out: string, to: string, input: string) => ({ from: { node: from, port: out }, to: { node: to, port: input } });
  return {
    schemaVersion: 1, id: 'bench-sql', name: 'Benchmark: PostgreSQL rows to persons', settings: { batchSize: BATCH },
    nodes: [
      { id: 'db', type: 'sql.transport', version: 1, config: { driver: 'postgres', url, poolSize: 2 } },
      { id: 'people', type: 'sql.query', version: 1, config: { query: `SELECT id, name, email, updated_at FROM ${table} ORDER BY id` } },
      ...personNodes(),
    ],
    connections: [connect('db', 'transport', 'people', 'transport'), connect('people', 'records', 'to-person', 'records'), connect('to-person', 'entities', 'store', 'entities')],
  };
}

async function baseline(url: string, table: string, dataDir: string): Promise<WorkerResult> {
  const store = openBaselineStore(dataDir, 'bench-sql');
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const cursor = client.query(new Cursor<{ id: string; name: string; email: string; updated_at: Date }>(`SELECT id, name, email, updated_at FROM ${table} ORDER BY id`));
  let records = 0;
  for (let rows = await cursor.read(BATCH); rows.length > 0; rows = await cursor.read(BATCH)) {
    const batch = rows.map((row) => ({ id: String(row.id), data: toBenchPerson(row) })).filter((entry) => store.valid(entry.data));
    store.write(batch);
    records += batch.length;
  }
  await cursor.close();
  await client.end();
  const seconds = (performance.now() - started) / 1000;
  const storeBytes = store.close();
  return { records, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, storeBytes };
}

/** Fills a fresh table with `records` rows, compares the runtime with the baseline, and drops the table. */
export async function run({ records }: BenchOptions): Promise<void> {
  const [{ describeMachine }, { printComparison, runWorker }] = await Promise.all([import('./contacts-bench.ts'), import('./run-worker.ts')]);
  const url = databaseUrl();
  const table = `bench_people_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const dirs = [mkdtempSync(path.join(tmpdir(), 'tributary-bench-sql-')), mkdtempSync(path.join(tmpdir(), 'tributary-bench-sql-'))];
  try {
    await admin.query(`CREATE TABLE ${table} (id bigint PRIMARY KEY, name text NOT NULL, email text NOT NULL, updated_at timestamptz NOT NULL)`);
    await admin.query(`INSERT INTO ${table} SELECT i, 'Person ' || i, 'Person' || i || '@Example.com', timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second'
      FROM generate_series(1, $1::int) AS i`, [records]);
    await admin.query(`VACUUM ANALYZE ${table}`);
    process.stdout.write(`sql: ${records.toLocaleString('en-US')} PostgreSQL rows → person → SQLite  (${describeMachine()})\n`);
    const base = await runWorker('./sql-bench.ts', ['baseline', url, table, dirs[0]]);
    const runtime = await runWorker('./sql-bench.ts', ['runtime', url, table, dirs[1]]);
    printComparison(`sql (${records.toLocaleString('en-US')} rows, fetched ${BATCH} at a time)`, runtime, base);
  } finally {
    await admin.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    await admin.end();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [side, url, table, dataDir] = process.argv.slice(2);
  const result = side === 'runtime' ? await measureRuntime(sqlFlow(url, table), dataDir) : await baseline(url, table, dataDir);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
