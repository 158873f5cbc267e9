import { describe, expect, it } from 'vitest';
import { fileJsonlNode } from '../../../nodes/file/jsonl/definition.ts';
import { readFolder, useTempFolders } from './temp-folder.ts';

const folder = useTempFolders();

const read = (dir: string, config: Record<string, unknown>, options = {}) => readFolder(fileJsonlNode, dir, config, options);

describe('file.jsonl', () => {
  it('reads one object per line, skipping blank lines and a BOM, with or without CRLF', async () => {
    const { dir } = await folder({ 'a.jsonl': '\uFEFF{"id":1}\r\n\n{"id":2,"name":"Zoë"}\r\n   \n{"id":3}' });
    const { outputs, rejects } = await read(dir, { glob: '*.jsonl' });
    expect(outputs.records).toEqual([{ id: 1 }, { id: 2, name: 'Zoë' }, { id: 3 }]);
    expect(rejects).toEqual([]);
  });

  it('rejects a malformed line with its number and reads on', async () => {
    const { dir } = await folder({ 'a.jsonl': '{"id":1}\n{"id":2,\n[1,2]\n{"id":4}\n' });
    const { outputs, rejects } = await read(dir, { glob: 'a.jsonl' });
    expect(outputs.records).toEqual([{ id: 1 }, { id: 4 }]);
    expect(rejects).toEqual([
      { record: { file: 'a.jsonl', line: 2, raw: '{"id":2,' }, reason: expect.stringMatching(/^line 2: /) },
      { record: { file: 'a.jsonl', line: 3, raw: '[1,2]' }, reason: 'line 3: not a JSON object' },
    ]);
  });

  it('streams a file larger than its read buffer, keeping multi-byte characters and line numbers intact', async () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => JSON.stringify({ id: i, name: `Jürgen Ørsted ${i} 🙂`, pad: 'x'.repeat(i % 50) }));
    lines[17_000] = '{broken';
    const { dir } = await folder({ 'big.jsonl': lines.join('\n') + '\n' });
    const { outputs, rejects, batches } = await read(dir, { glob: '*.jsonl' });
    expect(outputs.records).toHaveLength(29_999);
    expect(outputs.records[29_998]).toEqual({ id: 29_999, name: 'Jürgen Ørsted 29999 🙂', pad: 'x'.repeat(29_999 % 50) });
    expect(rejects.map((r) => (r.record as { line: number }).line)).toEqual([17_001]);
    expect(batches.slice(0, -1).every((b) => b.records.length === 500)).toBe(true);
  });

  it('skips a file read before unless the sync is full', async () => {
    const { dir } = await folder({ 'a.jsonl': '{"id":1}\n' });
    const first = await read(dir, { glob: '*.jsonl' });
    expect((await read(dir, { glob: '*.jsonl' }, { state: first.states[0] })).outputs.records ?? []).toEqual([]);
    expect((await read(dir, { glob: '*.jsonl' }, { state: first.states[0], full: true })).outputs.records).toEqual([{ id: 1 }]);
  });
});
