import { defineNode } from '../../contract/define-node.ts';
import { webhookFormConfigSchema } from './config-schema.ts';
import { readInbox } from './read-inbox.ts';

/**
 * `webhook.form`: a contact form (or any web form) posting to `POST /hooks/<flow id>/<node id>`. The server
 * writes each accepted submission durably to the node's inbox and starts a run; the node reads the inbox.
 * Records are the submitted fields plus `_submissionId` and `_receivedAt`.
 */
export const webhookFormNode = defineNode({
  type: 'webhook.form',
  version: 1,
  category: 'source',
  channelType: 'webhook',
  label: 'Web form',
  description: 'Receives form submissions (urlencoded, multipart fields or JSON) at /hooks/<flow>/<node> and hands each on as a record.',
  config: webhookFormConfigSchema,
  outputs: { records: { socket: 'records:json', label: 'Submissions' } },
  read: (ctx) => readInbox(ctx),
});
