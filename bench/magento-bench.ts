import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeMachine, type BenchOptions } from './contacts-bench.ts';
import { startMagentoSandbox } from './magento-sandbox.ts';
import { printComparison, runWorker, type WorkerResult } from './run-worker.ts';

/** Runs one worker against a fresh sandbox shop of its own (so neither side profits from the other's warm shop). */
async function measure(worker: string, records: number, dataDir: string): Promise<WorkerResult> {
  const sandbox = await startMagentoSandbox(records);
  try {
    return await runWorker(worker, [sandbox.wsdlUrl, sandbox.apiKey, dataDir]);
  } finally {
    await sandbox.stop();
  }
}

/**
 * The Magento benchmark: a scaled sandbox shop (`records` customers and as many orders, served by the fixture in a
 * child process, PHP-like replies) synced once through the runtime with the demo flow, beside a hand-written
 * node-soap loop making the same calls and writing the same entities to SQLite; each in its own process.
 */
export async function run({ records }: BenchOptions): Promise<void> {
  process.stdout.write(`magento: ${records.toLocaleString('en-US')} customers + ${records.toLocaleString('en-US')} orders over SOAP → SQLite  (${describeMachine()})\n`);
  const baselineDir = mkdtempSync(path.join(tmpdir(), 'tributary-bench-magento-baseline-'));
  const runtimeDir = mkdtempSync(path.join(tmpdir(), 'tributary-bench-magento-runtime-'));
  try {
    const baseline = await measure('./magento-baseline-worker.ts', records, baselineDir);
    const runtime = await measure('./magento-runtime-worker.ts', records, runtimeDir);
    printComparison(`magento (${records.toLocaleString('en-US')} customers and orders; records = entities written)`, runtime, baseline);
  } finally {
    rmSync(baselineDir, { recursive: true, force: true });
    rmSync(runtimeDir, { recursive: true, force: true });
  }
}
