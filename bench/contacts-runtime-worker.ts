// Child process of `npm run bench`: runs the contacts flow through the real runtime and prints one JSON line.
import { statSync } from 'node:fs';
import path from 'node:path';
import { createBuiltInCatalog } from '../nodes/builtin.ts';
import { EntityRegistry } from '../nodes/entities/registry.ts';
import { runFlow } from '../runtime/engine/run-flow.ts';
import { SqliteEntityStore } from '../runtime/store/sqlite-store.ts';
import { contactsBenchFlow } from './contacts-flow.ts';

const [jsonlFile, dataDir] = process.argv.slice(2);
const entities = new EntityRegistry();
const store = new SqliteEntityStore({ dataDir, registry: entities });
await store.init();
const started = performance.now();
const run = await runFlow({ flow: contactsBenchFlow(jsonlFile), catalog: createBuiltInCatalog(), store, entities, trigger: 'cli' });
const seconds = (performance.now() - started) / 1000;
await store.close();
if (run.status !== 'succeeded') throw new Error(`benchmark run ${run.status}: ${JSON.stringify(run.errors)}`);
const storeBytes = statSync(path.join(dataDir, 'tributary.db')).size;
process.stdout.write(`${JSON.stringify({ records: run.entities.added, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, storeBytes })}\n`);
