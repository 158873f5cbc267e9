import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Flow } from '../../../nodes/contract/flow-file.ts';
import { writeFileAtomic } from '../../../runtime/flows/atomic-write.ts';
import { etagOf, ifMatchAccepts } from '../../../runtime/flows/flow-etag.ts';
import { serializeFlow } from '../../../runtime/flows/serialize-flow.ts';

const flow = {
  connections: [
    { to: { port: 'b', node: 'z' }, from: { port: 'out', node: 'y' } },
    { to: { port: 'a', node: 'y' }, from: { port: 'out', node: 'x' } },
  ],
  nodes: [
    { config: { zeta: 1, alpha: { $secret: 'f/x/alpha' }, nested: { b: 2, a: [{ d: 1, c: 2 }] } }, position: { y: 5, x: 1 }, version: 1, type: 't.a', id: 'x' },
    { id: 'y', type: 't.b', version: 2, label: 'Y', config: {} },
  ],
  schedule: { timezone: 'UTC', cron: '* * * * *' },
  enabled: true,
  name: 'Flow',
  id: 'f',
  schemaVersion: 1,
} as unknown as Flow;

describe('serializeFlow', () => {
  it('writes keys in a fixed order, config keys sorted, connections sorted, with a final newline', () => {
    const text = serializeFlow(flow);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'id', 'name', 'enabled', 'schedule', 'nodes', 'connections']);
    expect(Object.keys(parsed.schedule)).toEqual(['cron', 'timezone']);
    expect(Object.keys(parsed.nodes[0])).toEqual(['id', 'type', 'version', 'position', 'config']);
    expect(Object.keys(parsed.nodes[0].position)).toEqual(['x', 'y']);
    expect(Object.keys(parsed.nodes[0].config)).toEqual(['alpha', 'nested', 'zeta']);
    expect(Object.keys(parsed.nodes[0].config.nested.a[0])).toEqual(['c', 'd']);
    expect(Object.keys(parsed.nodes[1])).toEqual(['id', 'type', 'version', 'label', 'config']);
    expect(parsed.connections.map((c: { from: { node: string } }) => c.from.node)).toEqual(['x', 'y']);
    expect(Object.keys(parsed.connections[0])).toEqual(['from', 'to']);
    expect(Object.keys(parsed.connections[0].from)).toEqual(['node', 'port']);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "id": "f",');
  });

  it('gives the same bytes (and ETag) for the same flow in any key order', () => {
    const reverseKeys = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reverseKeys);
      if (typeof value !== 'object' || value === null) return value;
      return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reverseKeys(item)]));
    };
    const reordered = reverseKeys(flow) as Flow;
    expect(Object.keys(reordered)[0]).toBe('schemaVersion');
    expect(serializeFlow(reordered)).toBe(serializeFlow(flow));
    expect(etagOf(serializeFlow(reordered))).toBe(etagOf(serializeFlow(flow)));
  });
});

describe('ETags', () => {
  it('match exact, weak, listed and * validators', () => {
    const etag = etagOf('content');
    expect(ifMatchAccepts(etag, etag)).toBe(true);
    expect(ifMatchAccepts(`W/${etag}`, etag)).toBe(true);
    expect(ifMatchAccepts(`"other", ${etag}`, etag)).toBe(true);
    expect(ifMatchAccepts('*', etag)).toBe(true);
    expect(ifMatchAccepts('*', undefined)).toBe(false);
    expect(ifMatchAccepts('"other"', etag)).toBe(false);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file without leaving temporary files, with the requested mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tributary-atomic-'));
    const file = join(dir, 'sub', 'a.json');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two', { mode: 0o600 });
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['a.json']);
  });
});
