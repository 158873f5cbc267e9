import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBuiltInCatalog } from '../../../nodes/builtin.ts';
import type { NodeCatalog } from '../../../nodes/contract/catalog.ts';
import { loadNodeModules } from '../../../runtime/nodes/load-node-modules.ts';
import { watchNodeModules, type NodeModuleChange } from '../../../runtime/nodes/watch-node-modules.ts';

const module = (label: string, version = 1) => `export default { type: 'acme.hello', version: ${version}, category: 'transform', channelType: 'acme',
  label: '${label}', description: 'd', config: { type: 'object', properties: {} }, inputs: { in: { socket: 'records:*' } },
  outputs: { out: { socket: 'records:*' } }, transform: (records) => records };`;

let dir: string;
let file: string;
let catalog: NodeCatalog;
let stop: () => void = () => undefined;
let changes: NodeModuleChange[];
let waiters: ((change: NodeModuleChange) => void)[];

/** The next reload the watcher reports. */
const nextChange = () => new Promise<NodeModuleChange>((resolve) => waiters.push(resolve));

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tributary-watch-'));
  file = path.join(dir, 'hello.mjs');
  await writeFile(file, module('Hello'));
  catalog = createBuiltInCatalog();
  await loadNodeModules(catalog, [file]);
  changes = [];
  waiters = [];
  stop = watchNodeModules(catalog, [file], (change) => {
    changes.push(change);
    waiters.shift()?.(change);
  }, { debounceMs: 50 });
});
afterEach(async () => {
  stop();
  await rm(dir, { recursive: true, force: true });
});

describe('watchNodeModules', () => {
  it('replaces the definitions of a module that changed', async () => {
    expect(catalog.get('acme.hello')?.label).toBe('Hello');
    const changed = nextChange();
    await writeFile(file, module('Hello again', 2));
    const change = await changed;
    expect(change).toMatchObject({ source: file, problems: [] });
    expect(change.added.map((definition) => definition.label)).toEqual(['Hello again']);
    expect(catalog.get('acme.hello')).toMatchObject({ label: 'Hello again', version: 2 });
    expect(catalog.get('acme.hello', 1)).toBeUndefined();
  });

  it('picks up a file saved by rename, as editors do', async () => {
    const changed = nextChange();
    await writeFile(path.join(dir, 'hello.mjs.tmp'), module('Renamed'));
    await rename(path.join(dir, 'hello.mjs.tmp'), file);
    await changed;
    expect(catalog.get('acme.hello')?.label).toBe('Renamed');
  });

  it('reports a broken save as a problem, and recovers with the next save', async () => {
    let changed = nextChange();
    await writeFile(file, 'export default {;');
    const broken = await changed;
    expect(broken.problems).toEqual([{ source: file, severity: 'error', message: expect.stringMatching(/cannot be imported/) }]);
    expect(catalog.get('acme.hello')).toBeUndefined();
    changed = nextChange();
    await writeFile(file, module('Fixed'));
    await changed;
    expect(catalog.get('acme.hello')?.label).toBe('Fixed');
    expect(catalog.problems).toEqual([]);
  });

  it('ignores other files in the folder and stops when told to', async () => {
    await writeFile(path.join(dir, 'notes.txt'), 'hello');
    stop();
    await writeFile(file, module('Unseen'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(changes).toEqual([]);
    expect(catalog.get('acme.hello')?.label).toBe('Hello');
  });
});
