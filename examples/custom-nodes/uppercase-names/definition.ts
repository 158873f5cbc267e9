import { defineNode } from 'tributary/contract';

/**
 * `custom.uppercase`: an example custom node type. Upper-cases the text in the given fields of every
 * record (`{ name: 'Ada' }` becomes `{ name: 'ADA' }`); other fields and non-text values pass unchanged.
 */
export const uppercaseNamesNode = defineNode({
  type: 'custom.uppercase',
  version: 1,
  category: 'transform',
  channelType: 'custom',
  label: 'Upper-case fields',
  description: 'Writes the text of the chosen fields in capitals, for systems that expect names in upper case.',
  config: {
    type: 'object',
    additionalProperties: false,
    required: ['fields'],
    properties: {
      fields: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, title: 'Fields' },
    },
  },
  inputs: { records: { socket: 'records:*', required: true } },
  outputs: { records: { socket: 'records:*' } },
  transform(records, ctx) {
    return records.map((record) => {
      if (typeof record !== 'object' || record === null) {
        ctx.reject(record, 'not an object');
        return record;
      }
      const copy: Record<string, unknown> = { ...record };
      for (const field of ctx.config.fields) {
        const value = copy[field];
        if (typeof value === 'string') copy[field] = value.toUpperCase();
      }
      return copy;
    });
  },
});
