import { describe, expect, it } from 'vitest';
import { fileJsonNode } from '../../../nodes/file/json/definition.ts';
import { readFolder, useTempFolders } from './temp-folder.ts';

const folder = useTempFolders();

const read = (dir: string, config: Record<string, unknown>, options = {}) => readFolder(fileJsonNode, dir, config, options);

describe('file.json', () => {
  it('streams the objects of a top-level array', async () => {
    const { dir } = await folder({ 'a.json': '[{"id":1,"tags":["a"]},{"id":2,"nested":{"x":null}}]' });
    const { outputs, states } = await read(dir, { glob: 'a.json' });
    expect(outputs.records).toEqual([{ id: 1, tags: ['a'] }, { id: 2, nested: { x: null } }]);
    expect(states).toEqual([{ files: { 'a.json': { size: expect.any(Number), mtimeMs: expect.any(Number) } } }]);
  });

  it('reads the array at a dotted path', async () => {
    const { dir } = await folder({ 'a.json': '{"meta":{"count":2},"data":{"items":[{"id":1},{"id":2}]},"other":[{"id":9}]}' });
    expect((await read(dir, { glob: 'a.json', path: 'data.items' })).outputs.records).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('rejects array items that are not objects', async () => {
    const { dir } = await folder({ 'a.json': '[{"id":1}, 7, "x", {"id":2}]' });
    const { outputs, rejects } = await read(dir, { glob: 'a.json' });
    expect(outputs.records).toEqual([{ id: 1 }, { id: 2 }]);
    expect(rejects).toEqual([
      { record: { file: 'a.json', index: 1, value: 7 }, reason: 'item 1 of the array is not a JSON object' },
      { record: { file: 'a.json', index: 2, value: 'x' }, reason: 'item 2 of the array is not a JSON object' },
    ]);
  });

  it('explains a document that is not an array, and malformed JSON, naming the node and file', async () => {
    const { dir } = await folder({ 'obj.json': '{"items":[]}', 'bad.json': '[{"id":1},{"id":' });
    await expect(read(dir, { glob: 'obj.json' })).rejects.toThrow(/node "reader": cannot read file "obj.json".*not a JSON array; set config.path/);
    await expect(read(dir, { glob: 'bad.json' })).rejects.toThrow(/node "reader": cannot read file "bad.json".*malformed JSON/);
  });

  it('streams a large array in batches', async () => {
    const items = Array.from({ length: 5_000 }, (_, i) => ({ id: i, name: `Ärger ${i}` }));
    const { dir } = await folder({ 'big.json': JSON.stringify({ data: items }) });
    const { outputs, batches } = await read(dir, { glob: 'big.json', path: 'data', batchSize: 1000 });
    expect(outputs.records).toEqual(items);
    expect(batches.map((b) => b.records.length)).toEqual([1000, 1000, 1000, 1000, 1000, 0]);
  });

  it('skips files read before', async () => {
    const { dir } = await folder({ 'a.json': '[{"id":1}]', 'b.json': '[{"id":2}]' });
    const first = await read(dir, { glob: '*.json' });
    expect(first.states.at(-1)).toMatchObject({ files: { 'a.json': {}, 'b.json': {} } });
    expect((await read(dir, { glob: '*.json' }, { state: first.states.at(-1) })).batches).toEqual([]);
  });
});
