import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** An entity as `tributary export` prints it, reduced to what a fixture compares. */
export interface StoredEntity {
  type: string;
  originId: string;
  data: Record<string, unknown>;
}

/** The `tributary` command of the installed tributary package (inside the tributary repository: its own). */
function tributaryBin(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('tributary/contract'));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name, bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; bin?: Record<string, string> };
      if (name === 'tributary' && bin?.tributary) return path.join(dir, bin.tributary);
    }
    if (path.dirname(dir) === dir) throw new Error('the tributary package is not installed');
    dir = path.dirname(dir);
  }
}

/**
 * Runs a fixture flow with the real runtime (`tributary run`) in a fresh data directory, with `modules` as
 * TRIBUTARY_NODE_PATHS, and returns the run record and the entities it stored (`tributary export <type>`).
 */
export async function runFixtureFlow(options: {
  flowFile: string;
  modules: string[];
  entityType: string;
  env?: Record<string, string>;
}): Promise<{ status: string; entities: StoredEntity[] }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tributary-fixture-'));
  const env = {
    ...process.env,
    ...options.env,
    TRIBUTARY_DATA_DIR: dataDir,
    TRIBUTARY_NODE_PATHS: options.modules.join(path.delimiter),
  };
  const cwd = path.dirname(options.flowFile);
  try {
    const bin = tributaryBin();
    const ran = await run(process.execPath, [bin, 'run', options.flowFile, '--json'], { cwd, env }).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`tributary run failed: ${error.stderr ?? ''}${error.stdout ?? ''}`);
    });
    const { status } = JSON.parse(ran.stdout) as { status: string };
    const exported = await run(process.execPath, [bin, 'export', options.entityType], { cwd, env });
    const entities = exported.stdout.split('\n').filter(Boolean).map((line) => {
      const { type, originId, data } = JSON.parse(line) as StoredEntity;
      return { type, originId, data };
    });
    return { status, entities: entities.sort((a, b) => a.originId.localeCompare(b.originId)) };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
