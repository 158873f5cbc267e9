import { defineNode } from 'tributary/contract';
import type { TodoClient } from './todo-client.ts';

/** What `todo.users` keeps between runs: the latest `updatedAt` stored. */
export interface TodoUsersState {
  updatedSince: string;
}

/**
 * `todo.users`: reads the users changed since the last run, page by page. Every batch carries the latest
 * `updatedAt` seen so far; the runtime commits it only once the batch is stored, so a run killed half way
 * resumes from the last stored page.
 */
export const todoUsersNode = defineNode({
  type: 'todo.users',
  version: 1,
  category: 'connector',
  channelType: 'todo',
  label: 'Todo users',
  description: 'Reads the Todo users changed since the last run.',
  config: { type: 'object', additionalProperties: false, properties: {} },
  inputs: { transport: { socket: 'transport:todo', label: 'Todo API', required: true } },
  outputs: { records: { socket: 'records:todo.user', label: 'Users' } },
  async *read(ctx) {
    const client = ctx.transport<TodoClient>();
    const start = (ctx.state as TodoUsersState | undefined)?.updatedSince;
    let latest = start;
    for (let page: number | null = 1; page !== null;) {
      const reply = await client.listUsers({ updatedSince: start, page, signal: ctx.signal });
      for (const user of reply.items) if (latest === undefined || user.updatedAt > latest) latest = user.updatedAt;
      yield { records: reply.items, state: latest === undefined ? undefined : { updatedSince: latest } };
      page = reply.nextPage;
    }
  },
});
