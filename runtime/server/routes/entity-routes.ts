import { NotFoundError } from '../../../nodes/contract/errors.ts';
import type { EntityRecord } from '../../store/types.ts';
import type { AppContext } from '../app-context.ts';
import { defineRoute, type RouteDefinition } from '../route-definition.ts';
import { errorSchema, limitSchema } from './schemas.ts';

const withId = (record: EntityRecord) => ({ ...record, id: `${record.channel}:${record.originId}` });

const pageSchema = {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: { type: 'object' } }, nextCursor: { type: 'string' } },
} as const;

/** Normalized entities and rejected records. */
export function entityRoutes(ctx: AppContext): RouteDefinition[] {
  const requireType = (type: string): void => {
    if (!ctx.entities.get(type)) {
      throw new NotFoundError(`There is no entity type "${type}"; known types: ${ctx.entities.list().map((info) => info.type).join(', ')}.`);
    }
  };
  return [
    defineRoute({
      method: 'get', path: '/api/entities/:type', tag: 'entities', summary: 'A page of entities of one type; `id` is `<channel>:<originId>`',
      params: { type: 'object', properties: { type: { type: 'string' } }, required: ['type'] },
      query: {
        type: 'object',
        properties: { channel: { type: 'string' }, q: { type: 'string', description: 'Text search' }, limit: limitSchema, cursor: { type: 'string' } },
      },
      responses: { 200: { description: 'A page', schema: pageSchema }, 404: { description: 'No such entity type', schema: errorSchema } },
      handle: async ({ params, query }) => {
        requireType(params.type);
        const page = await ctx.store.queryEntities({ type: params.type, channel: query.channel, text: query.q, limit: query.limit, cursor: query.cursor });
        return { body: { items: page.items.map(withId), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) } };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/entities/:type/:id', tag: 'entities', summary: 'One entity by `<channel>:<originId>` (URL-encoded)',
      params: { type: 'object', properties: { type: { type: 'string' }, id: { type: 'string', pattern: '^[^:]+:.+$' } }, required: ['type', 'id'] },
      responses: { 200: { description: 'The entity', schema: { type: 'object' } }, 404: { description: 'No such entity', schema: errorSchema } },
      handle: async ({ params }) => {
        requireType(params.type);
        const colon = params.id.indexOf(':');
        const record = await ctx.store.getEntity(params.type, params.id.slice(0, colon), params.id.slice(colon + 1));
        if (!record) throw new NotFoundError(`There is no ${params.type} "${params.id}".`);
        return { body: withId(record) };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/rejects', tag: 'entities', summary: 'Rejected records with their reasons, newest first',
      query: { type: 'object', properties: { flowId: { type: 'string' }, runId: { type: 'string' }, limit: limitSchema, cursor: { type: 'string' } } },
      responses: { 200: { description: 'A page', schema: pageSchema } },
      handle: async ({ query }) => {
        const page = await ctx.store.listRejects({ flowId: query.flowId, runId: query.runId, limit: query.limit, cursor: query.cursor });
        return { body: { items: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) } };
      },
    }),
  ];
}
