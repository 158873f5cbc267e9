import { defineNode } from 'tributary/contract';
import type { __PASCAL__Client } from '../__FILE__.ts';

/** `__CHANNEL__.fixture-reader`: a stand-in connector for the fixture flow, reading every page of `persons`; never published. */
export default defineNode({
  type: '__CHANNEL__.fixture-reader',
  version: 1,
  category: 'connector',
  channelType: '__CHANNEL__',
  label: 'Fixture reader',
  description: 'Reads every page of the "persons" resource.',
  config: { type: 'object', additionalProperties: false, properties: {} },
  inputs: { transport: { socket: 'transport:__CHANNEL__', required: true } },
  outputs: { records: { socket: 'records:json' } },
  async *read(ctx) {
    const client = ctx.transport<__PASCAL__Client>();
    for (let page: number | undefined = 1; page !== undefined;) {
      const reply = await client.list('persons', { page, signal: ctx.signal });
      yield { records: reply.records };
      page = reply.next;
    }
  },
});
