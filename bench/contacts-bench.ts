import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { generateContactsJsonl } from '../test/fixtures/contacts/generate-contacts.ts';
import { printComparison, runWorker } from './run-worker.ts';

/** Options every benchmark suite takes. */
export interface BenchOptions {
  records: number;
}

/** The machine, printed above every result so figures can be compared. */
export function describeMachine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/**
 * The default benchmark: N synthetic contacts as JSONL → field mapper (person) → SQLite, through the real
 * runtime and through a hand-written loop, each in its own process.
 */
export async function run({ records }: BenchOptions): Promise<void> {
  const file = await generateContactsJsonl(path.resolve('bench-data'), records);
  process.stdout.write(`contacts: ${records.toLocaleString('en-US')} JSONL contacts → person → SQLite  (${describeMachine()})\n`);
  const baselineDir = mkdtempSync(path.join(tmpdir(), 'tributary-bench-baseline-'));
  const runtimeDir = mkdtempSync(path.join(tmpdir(), 'tributary-bench-runtime-'));
  try {
    const baseline = await runWorker('./contacts-baseline-worker.ts', [file, baselineDir]);
    const runtime = await runWorker('./contacts-runtime-worker.ts', [file, runtimeDir]);
    printComparison(`contacts (${records.toLocaleString('en-US')} records)`, runtime, baseline);
  } finally {
    rmSync(baselineDir, { recursive: true, force: true });
    rmSync(runtimeDir, { recursive: true, force: true });
  }
}
