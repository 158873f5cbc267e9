import type { AppContext } from '../app-context.ts';
import { checkNodeConnection } from '../node-check.ts';
import { describeNodeType } from '../node-info.ts';
import { defineRoute, type RouteDefinition } from '../route-definition.ts';
import { openEventStream } from '../sse.ts';
import { errorSchema } from './schemas.ts';

const checkResultSchema = {
  type: 'object',
  required: ['ok', 'message'],
  properties: { ok: { type: 'boolean' }, message: { type: 'string' }, details: { type: 'object' } },
} as const;

/** The node catalogue, its changes (server-sent events) and connection checks. */
export function nodeRoutes(ctx: AppContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get', path: '/api/nodes', tag: 'nodes', summary: 'Every node type (latest versions), the entity types and load problems',
      responses: { 200: { description: 'The catalogue', schema: { type: 'object', properties: { nodes: { type: 'array', items: { type: 'object' } }, entityTypes: { type: 'array', items: { type: 'object' } }, problems: { type: 'array', items: { type: 'object' } } } } } },
      handle: async () => ({
        body: {
          nodes: ctx.catalog.list().map((definition) => describeNodeType(definition, ctx.catalog)),
          entityTypes: ctx.entities.list().map(({ type, label, schema, extended }) => ({ type, label, schema, ...(extended ? { extended } : {}) })),
          problems: ctx.catalog.problems,
        },
      }),
    }),
    defineRoute({
      method: 'get', path: '/api/nodes/events', tag: 'nodes',
      summary: 'Server-sent events: `nodes:changed` ({ source, nodeTypes, problems, at }) each time `serve --watch-nodes` reloads a node module; refetch GET /api/nodes',
      responses: { 200: { description: 'An event stream that stays open', contentType: 'text/event-stream' } },
      handle: async ({ response }) => {
        let unsubscribe = (): void => undefined;
        const stream = openEventStream(response, () => unsubscribe());
        unsubscribe = ctx.nodeChanges.subscribe((event) => stream.send('nodes:changed', event));
        return undefined;
      },
    }),
    defineRoute({
      method: 'post', path: '/api/nodes/:type/check', tag: 'nodes',
      summary: 'Test a transport\'s connection with a config ($env / $secret references allowed); never answers with a secret',
      params: { type: 'object', properties: { type: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['type'] },
      body: {
        type: 'object', additionalProperties: false, required: ['config'],
        properties: {
          config: { type: 'object' },
          version: { type: 'integer', minimum: 1, description: 'Node type version (default: the latest)' },
          flowId: { type: 'string' },
          nodeId: { type: 'string' },
        },
      },
      bodyRequired: true,
      responses: {
        200: { description: 'What worked, or what failed and what to do', schema: checkResultSchema },
        400: { description: 'The node type cannot check a connection (not_checkable)', schema: errorSchema },
        404: { description: 'No such node type', schema: errorSchema },
      },
      handle: async ({ params, body }) => ({
        body: await checkNodeConnection(
          { catalog: ctx.catalog, env: ctx.env, secrets: ctx.secrets, logger: ctx.logger, timeoutMs: ctx.checkTimeoutMs },
          params.type,
          { config: body.config as Record<string, unknown>, version: body.version, flowId: body.flowId, nodeId: body.nodeId },
        ),
      }),
    }),
  ];
}
