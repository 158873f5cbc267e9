import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Flow, FlowNode } from '../../nodes/contract/flow-file.ts';
import { validateFlow } from '../../nodes/contract/validate-flow.ts';
import { createBuiltInCatalog } from '../../nodes/builtin.ts';
import { openNode, runNode, type RunNodeResult } from '../../runtime/testing/index.ts';

const catalog = createBuiltInCatalog();
let flow: Flow;
const node = (id: string): FlowNode => flow.nodes.find((n) => n.id === id) as FlowNode;
const definition = (id: string) => catalog.get(node(id).type, node(id).version)!;

/** Runs the example flow node by node through the harness: files → contacts → to-person → store. */
async function runContactsFlow(): Promise<{ read: RunNodeResult; mapped: RunNodeResult; stored: RunNodeResult }> {
  const files = await openNode({ definition: definition('files'), config: node('files').config, nodeId: 'files' });
  try {
    const read = await runNode({ definition: definition('contacts'), config: node('contacts').config, nodeId: 'contacts', transports: { transport: files.resource } });
    const batches = read.batches.map((batch) => batch.records);
    const mapped = await runNode({ definition: definition('to-person'), config: node('to-person').config, nodeId: 'to-person', inputs: { records: batches } });
    const stored = await runNode({ definition: definition('store'), config: node('store').config, nodeId: 'store', inputs: { entities: [mapped.outputs.entities] } });
    return { read, mapped, stored };
  } finally {
    await files.close();
  }
}

beforeAll(async () => {
  flow = JSON.parse(await readFile('flows/contacts-csv.flow.json', 'utf8')) as Flow;
});

describe('example flow contacts-csv', () => {
  it('is a valid flow of built-in node types', () => {
    expect(validateFlow(flow, catalog).issues).toEqual([]);
    expect(flow).toMatchObject({ id: 'contacts-csv', name: 'Contacts from CSV' });
  });

  it('stores 995 persons and rejects the five bad rows with reasons', async () => {
    const { read, mapped, stored } = await runContactsFlow();
    expect(read.outputs.records).toHaveLength(999);
    expect(read.rejects).toEqual([
      { record: expect.objectContaining({ file: 'contacts.csv', line: 703 }), reason: expect.stringMatching(/^line 703: Invalid Closing Quote/) },
    ]);
    expect(mapped.rejects.map((reject) => [(reject.record as { id: string }).id, reject.reason])).toEqual([
      ['10120', 'person.email must match format "email"'],
      ['10340', 'birthday: "1987-02-30" is not a valid date (expected YYYY-MM-DD)'],
      ['', 'originId: the record has no id at "id"'],
      ['10888', 'person.addresses.0.country must match pattern "^[A-Z]{2}$"'],
    ]);
    expect(stored.entities).toHaveLength(995);
    expect(stored.rejects).toEqual([]);
    expect(read.states).toEqual([{ files: { 'contacts.csv': { size: expect.any(Number), mtimeMs: expect.any(Number) } } }]);
  });

  it('normalizes the fields: trimmed lower-case e-mail, ISO dates, nested address', async () => {
    const { stored } = await runContactsFlow();
    const byId = new Map(stored.entities.map((entity) => [entity.originId, entity]));
    expect(byId.get('10001')).toEqual({
      type: 'person',
      originId: '10001',
      data: {
        firstName: 'Jürgen',
        lastName: 'Huber',
        email: 'jurgen.huber@example.org',
        phones: ['+43 1 5433952'],
        birthday: '1981-12-10',
        addresses: [{ street: 'Herrengasse 200', city: 'Wien', postalCode: '1010', country: 'AT' }],
        createdAt: '2023-06-18T10:52:23.000Z',
      },
    });
    expect(byId.get('10121')?.data.email).toBe('lea.muller@example.org');
  });
});
