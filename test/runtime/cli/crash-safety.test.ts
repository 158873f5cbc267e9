import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStoredEntities, snapshotSqliteStore } from '../../support/sqlite-store-probe.ts';
import { contactsBenchFlow } from '../../../bench/contacts-flow.ts';
import { generateContactsJsonl } from '../../fixtures/contacts/generate-contacts.ts';

const CLI = path.resolve('bin/tributary.js');
const FILES = 4;
const PER_FILE = 15_000;
let work: string;
let flowFile: string;

/** Runs `tributary run` to completion in a child process with its own data directory. */
function runToCompletion(dataDir: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'run', flowFile, '--json'], {
    env: { ...process.env, TRIBUTARY_DATA_DIR: dataDir }, encoding: 'utf8', timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'tributary-crash-'));
  const source = await generateContactsJsonl(path.join(work, 'gen'), FILES * PER_FILE);
  const lines = (await import('node:fs')).readFileSync(source, 'utf8').trimEnd().split('\n');
  const inputs = path.join(work, 'inputs');
  mkdirSync(inputs);
  for (let i = 0; i < FILES; i++) {
    writeFileSync(path.join(inputs, `part-${i}.jsonl`), `${lines.slice(i * PER_FILE, (i + 1) * PER_FILE).join('\n')}\n`);
  }
  const flow = contactsBenchFlow(path.join(inputs, 'part-0.jsonl'));
  (flow.nodes[1].config as { glob: string }).glob = 'part-*.jsonl';
  flowFile = path.join(work, 'crash.flow.json');
  writeFileSync(flowFile, JSON.stringify(flow));
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tributary run killed with SIGKILL mid-run', () => {
  it('ends, after a re-run, with exactly the store of an uninterrupted run', async () => {
    const reference = path.join(work, 'reference');
    expect(runToCompletion(reference).status).toBe(0);

    const crashed = path.join(work, 'crashed');
    const child = spawn(process.execPath, [CLI, 'run', flowFile], { env: { ...process.env, TRIBUTARY_DATA_DIR: crashed }, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let stored = 0;
    while (stored < PER_FILE + 1000 && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      stored = countStoredEntities(crashed);
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const partial = countStoredEntities(crashed);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(FILES * PER_FILE);

    const rerun = runToCompletion(crashed);
    expect(rerun.stderr).toBe('');
    expect(rerun.status).toBe(0);
    const run = JSON.parse(rerun.stdout) as { entities: { added: number; unchanged: number } };
    expect(run.entities.added).toBe(FILES * PER_FILE - partial);

    const expected = snapshotSqliteStore(reference, 'bench-contacts');
    const actual = snapshotSqliteStore(crashed, 'bench-contacts');
    expect(actual.duplicates).toBe(0);
    expect(actual.entities).toHaveLength(FILES * PER_FILE);
    expect(actual.entities).toEqual(expected.entities);
    expect(Object.keys(JSON.parse(actual.states.contacts).files)).toEqual(Object.keys(JSON.parse(expected.states.contacts).files));
  }, 180_000);
});
