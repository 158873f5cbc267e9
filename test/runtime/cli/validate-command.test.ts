import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contactsBenchFlow } from '../../../bench/contacts-flow.ts';
import type { Flow } from '../../../nodes/contract/flow-file.ts';

const CLI = path.resolve('bin/tributary.js');
const work = mkdtempSync(path.join(tmpdir(), 'tributary-validate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function validate(name: string, content: string): { status: number | null; stdout: string } {
  const file = path.join(work, `${name}.flow.json`);
  writeFileSync(file, content);
  const result = spawnSync(process.execPath, [CLI, 'validate', file], { encoding: 'utf8', env: { ...process.env, TRIBUTARY_DATA_DIR: work } });
  return { status: result.status, stdout: result.stdout + result.stderr };
}

const flow = (change: (flow: Flow) => void): string => {
  const value = contactsBenchFlow('/tmp/x/contacts.jsonl');
  change(value);
  return JSON.stringify(value);
};

describe('tributary validate', () => {
  it('accepts a valid flow', () => {
    const { status, stdout } = validate('good', flow(() => undefined));
    expect(stdout).toContain('is valid');
    expect(status).toBe(0);
  });

  it('names the line and column of malformed JSON', () => {
    const { status, stdout } = validate('malformed', '{\n  "schemaVersion": 1,\n  "id": "x",,\n}');
    expect(status).toBe(1);
    expect(stdout).toMatch(/not valid JSON/);
    expect(stdout).toMatch(/line 3, column \d+/);
  });

  it('reports every problem at once, each naming node and field', () => {
    const { status, stdout } = validate('broken', flow((value) => {
      value.nodes.push({ id: 'ghost', type: 'magic.unknown', version: 1, config: {} });
      value.nodes[2].config = { entityType: 'person', fields: [] };
      value.connections.push({ from: { node: 'files', port: 'transport' }, to: { node: 'store', port: 'entities' } });
      value.connections.push({ from: { node: 'store', port: 'nothing' }, to: { node: 'to-person', port: 'records' } });
      value.connections = value.connections.filter((connection) => connection.to.node !== 'contacts');
    }));
    expect(status).toBe(1);
    expect(stdout).toContain('unknown node type "magic.unknown"');
    expect(stdout).toContain('node "to-person": config.originId is required');
    expect(stdout).toContain('a transport output (transport:file) cannot feed an entities input (entities:*)');
    expect(stdout).toContain('node "store" (core.entity-store) has no output "nothing"');
    expect(stdout).toContain('node "contacts": required input "transport" is not connected');
  });

  it('finds cycles and duplicate ids', () => {
    const { stdout } = validate('cycle', flow((value) => {
      value.nodes.push({ id: 'again', type: 'core.filter', version: 1, config: { conditions: [] } });
      value.nodes.push({ id: 'again', type: 'core.filter', version: 1, config: { conditions: [] } });
      value.nodes.push({ id: 'loop', type: 'core.filter', version: 1, config: { conditions: [] } });
      value.connections.push({ from: { node: 'again', port: 'matched' }, to: { node: 'loop', port: 'records' } });
      value.connections.push({ from: { node: 'loop', port: 'matched' }, to: { node: 'again', port: 'records' } });
    }));
    expect(stdout).toContain('node id "again" is used more than once');
    expect(stdout).toMatch(/connections form a cycle: (again → loop → again|loop → again → loop)/);
  });
});
