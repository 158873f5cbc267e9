import { defineNode } from 'tributary/contract';
import { createTodoClient, type TodoClient } from './todo-client.ts';

/**
 * `todo.api`: the Todo API. Opens a `TodoClient` the Todo connectors read through; the token is a secret
 * (`writeOnly`), so the editor stores it in the secret store and the flow file holds a reference.
 */
export const todoTransportNode = defineNode({
  type: 'todo.api',
  version: 1,
  category: 'transport',
  channelType: 'todo',
  label: 'Todo API',
  description: 'The Todo API: base URL and an API token.',
  config: {
    type: 'object',
    additionalProperties: false,
    required: ['baseUrl', 'token', 'timeoutMs'],
    properties: {
      baseUrl: { type: 'string', pattern: '^https?://', title: 'Base URL', description: 'For example "http://127.0.0.1:4010/api".' },
      token: { type: 'string', minLength: 1, writeOnly: true, title: 'API token' },
      timeoutMs: { type: 'integer', minimum: 100, maximum: 600000, default: 10000, title: 'Timeout (ms)' },
    },
  },
  outputs: { transport: { socket: 'transport:todo', label: 'Todo API' } },
  open: async (ctx): Promise<TodoClient> => createTodoClient(ctx.config),
  close: async () => undefined,
  async check(ctx) {
    try {
      const { account } = await createTodoClient(ctx.config).whoAmI(ctx.signal);
      return { ok: true, message: `Connected to the Todo API as ${account}.` };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  },
});
