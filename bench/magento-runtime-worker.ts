// Child process of `npm run bench -- magento`: syncs the sandbox shop through the real runtime (the demo flow:
// every Magento connector and mapper into SQLite) and prints one JSON line.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createBuiltInCatalog } from '../nodes/builtin.ts';
import type { Flow } from '../nodes/contract/flow-file.ts';
import { EntityRegistry } from '../nodes/entities/registry.ts';
import { runFlow } from '../runtime/engine/run-flow.ts';
import { SqliteEntityStore } from '../runtime/store/sqlite-store.ts';

const [wsdlUrl, apiKey, dataDir] = process.argv.slice(2);
const flow = JSON.parse(readFileSync(new URL('../flows/magento-demo.flow.json', import.meta.url), 'utf8')) as Flow;
const entities = new EntityRegistry();
const store = new SqliteEntityStore({ dataDir, registry: entities });
await store.init();
const started = performance.now();
const run = await runFlow({
  flow, catalog: createBuiltInCatalog(), store, entities, trigger: 'cli', env: { MAGENTO_WSDL_URL: wsdlUrl, MAGENTO_API_KEY: apiKey },
});
const seconds = (performance.now() - started) / 1000;
await store.close();
if (run.status !== 'succeeded') throw new Error(`benchmark run ${run.status}: ${JSON.stringify(run.errors)}`);
const storeBytes = statSync(path.join(dataDir, 'tributary.db')).size;
process.stdout.write(`${JSON.stringify({ records: run.entities.added, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, storeBytes })}\n`);
