import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../nodes/contract/errors.ts';
import { loadProjectConfig, projectConfigPath } from '../../../runtime/project/load-project-config.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tributary-project-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const write = (name: string, value: unknown) => writeFile(path.join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
const load = (env: Record<string, string> = {}) => loadProjectConfig({ cwd: dir, env });

describe('loadProjectConfig', () => {
  it('treats a missing tributary.config.json as no extensions', async () => {
    const project = await load();
    expect(project).toEqual({
      path: path.join(dir, 'tributary.config.json'), dir, exists: false,
      config: { packages: [], entities: { extend: {}, types: {} } },
    });
  });

  it('reads packages and entity extensions, applying defaults', async () => {
    await write('tributary.config.json', {
      packages: ['tributary-todo', '@acme/tributary-nodes', './local-nodes'],
      entities: { extend: { person: { loyaltyTier: { enum: ['gold'] } } }, types: { subscription: { label: 'Subscriptions', schema: { type: 'object' } } } },
    });
    const { config, exists } = await load();
    expect(exists).toBe(true);
    expect(config.packages).toEqual(['tributary-todo', '@acme/tributary-nodes', './local-nodes']);
    expect(config.entities.types.subscription).toEqual({ label: 'Subscriptions', schema: { type: 'object' }, searchFields: [] });
  });

  it('reads the file TRIBUTARY_CONFIG names, relative to the working directory', async () => {
    await write('other.json', { packages: ['x'] });
    expect(projectConfigPath({ TRIBUTARY_CONFIG: 'other.json' }, dir)).toBe(path.join(dir, 'other.json'));
    const project = await load({ TRIBUTARY_CONFIG: 'other.json' });
    expect(project).toMatchObject({ dir, exists: true, config: { packages: ['x'] } });
    await expect(load({ TRIBUTARY_CONFIG: 'gone.json' })).rejects.toThrow(`${path.join(dir, 'gone.json')} does not exist (named by TRIBUTARY_CONFIG).`);
  });

  it('names the file and the field of every mistake', async () => {
    const file = path.join(dir, 'tributary.config.json');
    await write('tributary.config.json', '{ "packages": [ }');
    await expect(load()).rejects.toThrow(new RegExp(`^${file} is not valid JSON`));
    await write('tributary.config.json', { packages: 'tributary-todo', plugins: [], entities: { types: { subscription: { schema: { type: 'array' } } } } });
    const error = (await load().catch((caught: unknown) => caught)) as ConfigError;
    expect(error.message.split('\n')).toEqual([
      `${file}: plugins is not a known setting`,
      `${file}: packages must be array`,
      `${file}: entities.types.subscription.label is required`,
      `${file}: entities.types.subscription.schema.type must be equal to constant`,
    ]);
    expect(error.field).toBe('plugins');
  });

  it('refuses to redefine a built-in entity field, naming the file, the type and the field', async () => {
    await write('tributary.config.json', { entities: { extend: { person: { email: { type: 'string' } } } } });
    await expect(load()).rejects.toThrow(
      `${path.join(dir, 'tributary.config.json')}: entities.extend.person.email: entity type "person" already has a built-in field "email"`,
    );
  });
});
