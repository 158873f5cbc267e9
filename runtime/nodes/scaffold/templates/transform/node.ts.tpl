import { defineNode } from 'tributary/contract';

/**
 * `__TYPE__`: trims the text of every field of each record and drops fields left empty; records that are
 * not objects are rejected with the reason, and the rest of the batch goes on.
 */
export const __IDENT__Node = defineNode({
  type: '__TYPE__',
  version: 1,
  category: 'transform',
  channelType: '__CHANNEL__',
  label: '__LABEL__',
  description: 'Trims text fields and drops the empty ones.',
  config: {
    type: 'object',
    additionalProperties: false,
    required: ['dropEmpty'],
    properties: {
      dropEmpty: { type: 'boolean', default: true, title: 'Drop empty fields', description: 'Remove fields whose text is empty after trimming.' },
    },
  },
  inputs: { records: { socket: 'records:*', label: 'Records', required: true } },
  outputs: { records: { socket: 'records:*', label: 'Records' } },
  transform(records, ctx) {
    const output: Record<string, unknown>[] = [];
    for (const record of records) {
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        ctx.reject(record, 'the record is not an object');
        continue;
      }
      const copy: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(record)) {
        const trimmed = typeof value === 'string' ? value.trim() : value;
        if (!(ctx.config.dropEmpty && trimmed === '')) copy[field] = trimmed;
      }
      output.push(copy);
    }
    return output;
  },
});

export default __IDENT__Node;
