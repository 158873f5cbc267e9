import { readFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBuiltInCatalog } from '../../../nodes/builtin.ts';
import type { Flow } from '../../../nodes/contract/flow-file.ts';
import type { AppContextOptions } from '../../../runtime/server/app-context.ts';
import type { EntityRecord } from '../../../runtime/store/types.ts';
import { createTestApp, type TestApp } from '../server/test-app.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The example flow `flows/contact-form.flow.json`, with the form node's config changed by `form`. */
export function contactFlow(form: Record<string, unknown> = {}, changes: Partial<Flow> = {}): Flow {
  const flow = JSON.parse(readFileSync(path.join(ROOT, 'flows/contact-form.flow.json'), 'utf8')) as Flow;
  const node = flow.nodes.find((item) => item.id === 'form');
  if (node) node.config = { ...node.config, ...form };
  return { ...flow, ...changes };
}

/** A test app (real HTTP through supertest, temporary directories) with the built-in node types. */
export async function createWebhookApp(options: Partial<AppContextOptions> = {}): Promise<TestApp> {
  return createTestApp({ catalog: createBuiltInCatalog(), ...options });
}

/** Writes a flow file by hand, as an integrator committing it to git would. */
export async function writeFlowFile(t: TestApp, flow: Flow): Promise<void> {
  await mkdir(t.flowsDir, { recursive: true });
  await writeFile(path.join(t.flowsDir, `${flow.id}.flow.json`), JSON.stringify(flow, null, 2));
}

/** The person stored for an e-mail address by the contact-form flow. */
export function personOf(t: TestApp, email: string, channel = 'contact-form'): Promise<EntityRecord | undefined> {
  return t.ctx.store.getEntity('person', channel, email);
}

/** The submission files waiting in a form's inbox. */
export async function inboxFiles(t: TestApp, flowId = 'contact-form', nodeId = 'form'): Promise<string[]> {
  return readdir(path.join(t.dataDir, 'webhooks', flowId, nodeId)).catch(() => []);
}
