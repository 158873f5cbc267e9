import { defineNode } from '../../../nodes/contract/define-node.ts';

/** Compile-time check: `ctx.config` is inferred from the schema (this file is type-checked, not run). */
export const typedNode = defineNode({
  type: 'test.typed',
  version: 1,
  category: 'transform',
  channelType: 'test',
  label: 'Typed',
  description: 'Checks config inference.',
  config: {
    type: 'object',
    additionalProperties: false,
    required: ['greeting'],
    properties: { greeting: { type: 'string' }, times: { type: 'integer' } },
  },
  transform(records, ctx) {
    const greeting: string = ctx.config.greeting;
    const times: number | undefined = ctx.config.times;
    // @ts-expect-error unknown config fields are a type error
    void ctx.config.missing;
    return records.map(() => greeting.repeat(times ?? 1));
  },
});
