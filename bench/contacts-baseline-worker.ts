// Child process of `npm run bench`: the hand-written baseline. Same reading, parsing, mapping, validation and
// batched SQLite upserts as the runtime's flow, with no framework: the practical limit of this machine.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { personSchema } from '../nodes/entities/person.ts';
import { openBaselineTable } from './baseline-table.ts';

const [jsonlFile, dataDir] = process.argv.slice(2);
const table = openBaselineTable(dataDir);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(personSchema);

const sorted = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted((value as Record<string, unknown>)[key])]));
  }
  return value;
};
const map = (c: Record<string, string>) => ({
  firstName: c.first_name.trim(), lastName: c.last_name.trim(), email: c.email.trim().toLowerCase(), phones: [c.phone],
  birthday: c.birthday, addresses: [{ street: c.street, city: c.city, postalCode: c.zip, country: c.country }],
  createdAt: new Date(c.created_at).toISOString(),
});
const writeBatch = table.db.transaction((batch: { id: string; data: Record<string, unknown> }[], now: string) => {
  for (const { id, data } of batch) {
    const json = JSON.stringify(sorted(data));
    const hash = createHash('sha256').update(json).digest('hex');
    const search = `${data.firstName} ${data.lastName} ${data.email}`.toLowerCase();
    table.upsert('person', 'baseline', id, json, hash, search, now);
  }
});

const started = performance.now();
let records = 0;
let batch: { id: string; data: Record<string, unknown> }[] = [];
let rest = '';
for await (const chunk of createReadStream(jsonlFile, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const lines = (rest + chunk).split('\n');
  rest = lines.pop() ?? '';
  for (const line of lines) {
    if (!line) continue;
    const contact = JSON.parse(line) as Record<string, string>;
    const data = map(contact);
    if (!validate(data)) continue;
    batch.push({ id: String(contact.id), data });
    records++;
    if (batch.length === 1000) {
      writeBatch(batch, new Date().toISOString());
      batch = [];
    }
  }
}
if (batch.length > 0) writeBatch(batch, new Date().toISOString());
const seconds = (performance.now() - started) / 1000;
const storeBytes = table.close();
process.stdout.write(`${JSON.stringify({ records, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, storeBytes })}\n`);
