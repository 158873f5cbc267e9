import { defineNode, type EntityInput } from 'tributary/contract';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * `__TYPE__`: turns __CHANNEL__ records into person entities. A record without an id, or whose person fails
 * the entity schema (with the project's extra fields, from `ctx.entityTypes`), is rejected with the reason;
 * the rest of the batch goes on.
 */
export const __IDENT__Node = defineNode({
  type: '__TYPE__',
  version: 1,
  category: 'mapper',
  channelType: '__CHANNEL__',
  label: '__LABEL__',
  description: 'Maps __CHANNEL__ records to persons: trimmed names, lower-case e-mail.',
  config: {
    type: 'object',
    additionalProperties: false,
    required: ['idField'],
    properties: {
      idField: { type: 'string', minLength: 1, default: 'id', title: 'Id field', description: 'The record field holding its id in __CHANNEL__.' },
    },
  },
  inputs: { records: { socket: 'records:*', label: 'Records', required: true } },
  outputs: { entities: { socket: 'entities:person', label: 'Persons' } },
  transform(records, ctx) {
    const entities: EntityInput[] = [];
    for (const record of records as Record<string, unknown>[]) {
      const id = record[ctx.config.idField];
      if (typeof id !== 'string' && typeof id !== 'number') {
        ctx.reject(record, `the record has no id in "${ctx.config.idField}"`);
        continue;
      }
      const data: Record<string, unknown> = {};
      for (const [target, value] of [['firstName', text(record.firstName)], ['lastName', text(record.lastName)], ['email', text(record.email)?.toLowerCase()]] as const) {
        if (value !== undefined) data[target] = value;
      }
      const problem = ctx.entityTypes.check('person', data);
      if (problem) ctx.reject(record, problem);
      else entities.push({ type: 'person', originId: String(id), data });
    }
    return entities;
  },
});

export default __IDENT__Node;
