import { defineNode, type EntityInput } from 'tributary/contract';
import type { TodoUser } from './todo-client.ts';

/** The person field a project may add in tributary.config.json to keep the Todo plan. */
export const PLAN_FIELD = 'todoPlan';

function splitName(name: string): { firstName?: string; lastName?: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return {};
  if (words.length === 1) return { lastName: words[0] };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] };
}

/**
 * `todo.user-mapper`: Todo users → persons (name split into first and last name, lower-case e-mail). When the
 * project extends `person` with a `todoPlan` field, the user's plan goes there too.
 */
export const todoUserMapperNode = defineNode({
  type: 'todo.user-mapper',
  version: 1,
  category: 'mapper',
  channelType: 'todo',
  label: 'Todo user → person',
  description: 'Maps Todo users to persons; fills person.todoPlan when the project declares it.',
  config: { type: 'object', additionalProperties: false, properties: {} },
  inputs: { records: { socket: 'records:todo.user', label: 'Users', required: true } },
  outputs: { entities: { socket: 'entities:person', label: 'Persons' } },
  transform(records, ctx) {
    const withPlan = PLAN_FIELD in (ctx.entityTypes.get('person')?.schema.properties ?? {});
    const entities: EntityInput[] = [];
    for (const user of records as TodoUser[]) {
      const data: Record<string, unknown> = { ...splitName(user.name ?? ''), email: user.email?.trim().toLowerCase() };
      if (withPlan) data[PLAN_FIELD] = user.plan;
      const problem = ctx.entityTypes.check('person', data);
      if (problem) ctx.reject(user, problem);
      else entities.push({ type: 'person', originId: String(user.id), data });
    }
    return entities;
  },
});
