import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempProject, REPO_ROOT, type TempProject } from './temp-project.ts';

const exec = promisify(execFile);
const BIN = path.join(REPO_ROOT, 'bin', 'tributary.js');
let project: TempProject;

/** Runs `tributary <args>` in the project folder; resolves with stdout and the exit code. */
async function tributary(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const env = { ...process.env, TRIBUTARY_DATA_DIR: path.join(project.dir, 'data'), TRIBUTARY_CONFIG: '', TRIBUTARY_NODE_PATHS: '' };
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], { cwd: project.dir, env });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

const mapperFlow = (id: string, glob: string, entityType: string, fields: unknown[]) => ({
  schemaVersion: 1, id, name: id,
  nodes: [
    { id: 'files', type: 'file.transport', version: 1, config: { baseDir: 'in' } },
    { id: 'rows', type: 'file.csv', version: 1, config: { glob } },
    { id: 'map', type: 'core.field-mapper', version: 1, config: { entityType, originId: 'id', fields } },
    { id: 'store', type: 'core.entity-store', version: 1, config: {} },
  ],
  connections: [
    { from: { node: 'files', port: 'transport' }, to: { node: 'rows', port: 'transport' } },
    { from: { node: 'rows', port: 'records' }, to: { node: 'map', port: 'records' } },
    { from: { node: 'map', port: 'entities' }, to: { node: 'store', port: 'entities' } },
  ],
});

beforeAll(async () => {
  project = await createTempProject();
  await project.writeConfig({
    entities: {
      extend: { person: { loyaltyTier: { enum: ['bronze', 'silver', 'gold'], description: 'From the loyalty programme.' } } },
      types: {
        subscription: {
          label: 'Subscriptions',
          schema: { type: 'object', additionalProperties: false, required: ['email', 'plan'], properties: { email: { type: 'string', format: 'email' }, plan: { type: 'string' } } },
          searchFields: ['email'],
        },
      },
    },
  });
  await mkdir(path.join(project.dir, 'in'));
  await writeFile(path.join(project.dir, 'in', 'persons.csv'), 'id,name,email,tier\n1,Lovelace,ada@example.com,gold\n2,Hopper,grace@example.com,\n3,Turing,alan@example.com,platinum\n');
  await writeFile(path.join(project.dir, 'in', 'subscriptions.csv'), 'id,email,plan\ns1,ada@example.com,pro\ns2,grace@example.com,free\n');
  await writeFile(path.join(project.dir, 'persons.flow.json'), JSON.stringify(mapperFlow('persons', 'persons.csv', 'person', [
    { target: 'lastName', source: 'name' }, { target: 'email', source: 'email' }, { target: 'loyaltyTier', source: 'tier' },
  ])));
  await writeFile(path.join(project.dir, 'subscriptions.flow.json'), JSON.stringify(mapperFlow('subscriptions', 'subscriptions.csv', 'subscription', [
    { target: 'email', source: 'email' }, { target: 'plan', source: 'plan' },
  ])));
});
afterAll(() => project.remove());

describe('entities extended in tributary.config.json, through the CLI', () => {
  it('carries person.loyaltyTier from a CSV through the field mapper to `tributary export person`', async () => {
    const run = await tributary('run', 'persons.flow.json', '--json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'partial', rejected: 1, entities: { added: 2 } });
    const exported = await tributary('export', 'person');
    const persons = exported.stdout.trim().split('\n').map((line) => JSON.parse(line) as { originId: string; data: unknown });
    expect(persons.map(({ originId, data }) => [originId, data])).toEqual([
      ['1', { lastName: 'Lovelace', email: 'ada@example.com', loyaltyTier: 'gold' }],
      ['2', { lastName: 'Hopper', email: 'grace@example.com' }],
    ]);
    const csv = await tributary('export', 'person', '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toMatch(/,data\.updatedAt,data\.loyaltyTier$/);
  }, 60_000);

  it('makes a new entity type, subscription, work end to end', async () => {
    const run = await tributary('run', 'subscriptions.flow.json', '--json');
    expect(run.code).toBe(0);
    const csv = await tributary('export', 'subscription', '--format', 'csv');
    expect(csv.stdout.trim().split('\n').map((line) => line.split(',').filter((_cell, index) => index === 2 || index >= 7))).toEqual([
      ['originId', 'data.email', 'data.plan'],
      ['s1', 'ada@example.com', 'pro'],
      ['s2', 'grace@example.com', 'free'],
    ]);
  }, 60_000);

  it('stops with a message naming the file, type and field when a built-in field is redefined', async () => {
    await writeFile(path.join(project.dir, 'broken.json'), JSON.stringify({ entities: { extend: { person: { email: { type: 'string' } } } } }));
    const env = { TRIBUTARY_CONFIG: 'broken.json' };
    const failed = await exec(process.execPath, [BIN, 'export', 'person'], { cwd: project.dir, env: { ...process.env, ...env } }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stderr: `${path.join(project.dir, 'broken.json')}: entities.extend.person.email: entity type "person" already has a built-in field "email"; built-in fields cannot be redefined, choose another name\n` });
  }, 60_000);
});
