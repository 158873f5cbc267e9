import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What a benchmark worker prints on its last line. */
export interface WorkerResult {
  records: number;
  seconds: number;
  /** Peak resident set size of the worker process. */
  maxRssMb: number;
  storeBytes?: number;
}

/**
 * Runs a benchmark worker (a TypeScript file in bench/) in its own Node process, so its peak memory is its
 * own, and returns the JSON line it prints.
 */
export function runWorker(script: string, args: string[], env: Record<string, string> = {}): Promise<WorkerResult> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = output.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`${script} exited with ${code}: ${output}`));
      else resolve(JSON.parse(last) as WorkerResult);
    });
  });
}

/** Prints a runtime-versus-baseline table: records/s, ratio, peak RSS, store size. */
export function printComparison(title: string, runtime: WorkerResult, baseline: WorkerResult): void {
  const rate = (result: WorkerResult) => result.records / result.seconds;
  const row = (name: string, result: WorkerResult) =>
    `  ${name.padEnd(22)} ${String(result.records).padStart(9)} ${result.seconds.toFixed(2).padStart(8)} s `
    + `${Math.round(rate(result)).toLocaleString('en-US').padStart(10)} rec/s ${result.maxRssMb.toFixed(0).padStart(6)} MB peak RSS`
    + (result.storeBytes ? ` ${(result.storeBytes / 1048576).toFixed(1).padStart(7)} MB store` : '');
  process.stdout.write(`\n${title}\n`);
  process.stdout.write(`${row('hand-written baseline', baseline)}\n${row('tributary runtime', runtime)}\n`);
  process.stdout.write(`  ratio (runtime / baseline records/s): ${(rate(runtime) / rate(baseline)).toFixed(2)}\n`);
}
