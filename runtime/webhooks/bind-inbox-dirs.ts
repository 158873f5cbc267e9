import path from 'node:path';
import type { Flow } from '../../nodes/contract/flow-file.ts';
import { inboxDirOf } from '../../nodes/webhook/inbox/submission-file.ts';
import { WEBHOOK_FORM_TYPE } from './form-source.ts';

/**
 * The flow as a run should see it: each `webhook.form` node's (read-only) `inboxDir` set to its inbox under
 * `dataDir`, where the `/hooks` endpoint writes. The saved flow is not changed.
 * @example const flow = bindInboxDirs(await flows.load('contact-form'), ctx.dataDir);
 */
export function bindInboxDirs(flow: Flow, dataDir: string): Flow {
  if (!flow.nodes.some((node) => node.type === WEBHOOK_FORM_TYPE)) return flow;
  const root = path.resolve(dataDir);
  return {
    ...flow,
    nodes: flow.nodes.map((node) => node.type !== WEBHOOK_FORM_TYPE ? node
      : { ...node, config: { ...node.config, inboxDir: inboxDirOf(root, flow.id, node.id) } }),
  };
}
