import { defineNode } from 'tributary/contract';

/** What a `transport:__CHANNEL__` transport opens and this connector reads through. */
export interface __PASCAL__Client {
  /** One page of `resource`, oldest change first, with the records changed after `since` (all when it is absent). */
  list(resource: string, options: { since?: string; page: number; signal: AbortSignal }): Promise<{ records: Record<string, unknown>[]; next?: number }>;
}

/** What this connector keeps between runs: the highest cursor value stored so far. */
export interface __PASCAL__State {
  since: string;
}

/**
 * `__TYPE__`: reads the records of one resource page by page, incrementally: each batch carries the highest
 * cursor value seen so far, which the runtime commits once the batch is stored, and the next run asks only for
 * what changed after it (a full sync, `--full`, starts again from the beginning).
 */
export const __IDENT__Node = defineNode({
  type: '__TYPE__',
  version: 1,
  category: 'connector',
  channelType: '__CHANNEL__',
  label: '__LABEL__',
  description: 'Reads the records of a __CHANNEL__ resource changed since the last run.',
  config: {
    type: 'object',
    additionalProperties: false,
    required: ['resource', 'cursorField'],
    properties: {
      resource: { type: 'string', minLength: 1, default: '__NAME__', title: 'Resource', description: 'What to read, for example "customers".' },
      cursorField: { type: 'string', minLength: 1, default: 'updatedAt', title: 'Cursor field', description: 'The record field that grows on every change.' },
    },
  },
  inputs: { transport: { socket: 'transport:__CHANNEL__', label: '__CHANNEL__', required: true } },
  outputs: { records: { socket: 'records:__TYPE__', label: 'Records' } },
  async *read(ctx) {
    const client = ctx.transport<__PASCAL__Client>();
    const start = (ctx.state as __PASCAL__State | undefined)?.since;
    let since = start;
    for (let page: number | undefined = 1; page !== undefined;) {
      const reply = await client.list(ctx.config.resource, { since: start, page, signal: ctx.signal });
      for (const record of reply.records) {
        const value = record[ctx.config.cursorField];
        if (typeof value === 'string' && (since === undefined || value > since)) since = value;
      }
      yield { records: reply.records, state: since === undefined ? undefined : { since } };
      page = reply.next;
    }
  },
});

export default __IDENT__Node;
