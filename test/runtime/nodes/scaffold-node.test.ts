import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltInCatalog } from '../../../nodes/builtin.ts';
import { loadNodeModules } from '../../../runtime/nodes/load-node-modules.ts';
import { nodeNames } from '../../../runtime/nodes/scaffold/node-names.ts';
import { SCAFFOLD_CATEGORIES, scaffoldNode } from '../../../runtime/nodes/scaffold/scaffold-node.ts';
import { createTempProject, REPO_ROOT, type TempProject } from '../project/temp-project.ts';

const exec = promisify(execFile);
const VITEST = path.join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
/** Inside the repository (gitignored), so `tributary/contract` resolves by the package's self-reference. */
const root = path.join(REPO_ROOT, 'test-artifacts', `scaffold-${randomUUID().slice(0, 8)}`);
let outside: TempProject;

/** Runs vitest on `dir` in a child process, with a config that includes every test file there. */
async function vitestIn(dir: string): Promise<{ code: number; output: string }> {
  await writeFile(path.join(dir, 'vitest.config.mjs'), "export default { test: { include: ['**/*.test.ts'], exclude: ['**/node_modules/**'] } };\n");
  const args = [VITEST, 'run', '--root', dir, '--config', path.join(dir, 'vitest.config.mjs')];
  return exec(process.execPath, args, { cwd: dir, env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' } })
    .then(({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }))
    .catch((error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }));
}

beforeAll(async () => {
  await mkdir(root, { recursive: true });
  outside = await createTempProject();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await outside.remove();
});

describe('scaffoldNode', () => {
  it('writes a definition, a test and a fixture flow whose tests pass as generated, for every category', async () => {
    for (const category of SCAFFOLD_CATEGORIES) {
      const result = await scaffoldNode({ type: `acme.${category}-demo`, category, cwd: root });
      expect(result.dir).toBe(path.join(root, 'nodes-custom', `acme-${category}-demo`));
      expect(result.files).toEqual(expect.arrayContaining([`acme-${category}-demo.ts`, `acme-${category}-demo.test.ts`, 'fixtures/flow.json', 'fixtures/expected-entities.json']));
    }
    const { code, output } = await vitestIn(path.join(root, 'nodes-custom'));
    expect(output).toMatch(/Test Files\s+4 passed \(4\)/);
    expect(code).toBe(0);
  }, 180_000);

  it('generates a node that loads as a custom module, importing tributary/contract', async () => {
    const result = await scaffoldNode({ type: 'acme.loaded', category: 'transform', dir: 'loaded', cwd: root });
    const source = await readFile(path.join(result.dir, result.module), 'utf8');
    expect(source).toMatch(/^import \{ defineNode \} from 'tributary\/contract';/);
    const catalog = createBuiltInCatalog();
    const added = await loadNodeModules(catalog, [path.join(result.dir, result.module)]);
    expect(catalog.problems).toEqual([]);
    expect(added.map((definition) => [definition.type, definition.category, definition.channelType])).toEqual([['acme.loaded', 'transform', 'acme']]);
  });

  it('passes its test in a project outside this repository that has tributary installed', async () => {
    await outside.linkTributary();
    await symlink(path.join(REPO_ROOT, 'node_modules', 'vitest'), path.join(outside.dir, 'node_modules', 'vitest'), 'dir');
    await writeFile(path.join(outside.dir, 'package.json'), JSON.stringify({ name: 'my-integrations', type: 'module', private: true }));
    await scaffoldNode({ type: 'shop.orders', category: 'connector', cwd: outside.dir });
    const { code, output } = await vitestIn(outside.dir);
    expect(output).toMatch(/Test Files\s+1 passed \(1\)/);
    expect(code).toBe(0);
  }, 180_000);

  it('refuses a bad type id, an unknown category and a folder that is not empty', async () => {
    await expect(scaffoldNode({ type: 'Orders', category: 'connector', cwd: root })).rejects.toThrow('"Orders" is not a node type id: write <channelType>.<name> in lower case');
    await expect(scaffoldNode({ type: 'acme.x', category: 'store' as never, cwd: root })).rejects.toThrow('--category must be one of connector, mapper, transport, transform, not "store".');
    await scaffoldNode({ type: 'acme.twice', category: 'mapper', cwd: root });
    await expect(scaffoldNode({ type: 'acme.twice', category: 'mapper', cwd: root })).rejects.toThrow(/acme-twice already exists and is not empty/);
  });

  it('derives file, identifier and label names from the type id', () => {
    expect(nodeNames('acme.sales-orders')).toEqual({
      type: 'acme.sales-orders', channelType: 'acme', name: 'sales-orders', file: 'acme-sales-orders',
      ident: 'acmeSalesOrders', pascal: 'AcmeSalesOrders', label: 'Acme sales orders',
    });
  });
});

describe('tributary new-node', () => {
  it('scaffolds into ./nodes-custom/<channelType>-<name>/ and says how to test and load it', async () => {
    const { stdout } = await exec(process.execPath, [path.join(REPO_ROOT, 'bin', 'tributary.js'), 'new-node', 'crm.contacts', '--category', 'mapper'], { cwd: root });
    expect(stdout).toContain('Created crm.contacts in nodes-custom/crm-contacts/:');
    expect(stdout).toContain(`Load it:  TRIBUTARY_NODE_PATHS=${path.join('nodes-custom', 'crm-contacts', 'crm-contacts.ts')} npx tributary nodes`);
    await expect(readFile(path.join(root, 'nodes-custom', 'crm-contacts', 'fixtures', 'flow.json'), 'utf8')).resolves.toContain('"type": "crm.contacts"');
  }, 60_000);
});
