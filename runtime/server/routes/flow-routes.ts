import { LeaseHeldError } from '../../../nodes/contract/errors.ts';
import type { AppContext } from '../app-context.ts';
import { defineRoute, type RouteDefinition } from '../route-definition.ts';
import { summarizeFlow, flowSummarySchema } from './flow-summary.ts';
import { errorSchema, flowBodySchema, flowIdParams, flowIssueSchema, flowSchema } from './schemas.ts';

const savedSchema = { type: 'object', required: ['flow', 'etag'], properties: { flow: flowSchema, etag: { type: 'string' } } } as const;

/** `GET|PUT|DELETE /api/flows/:id`, `GET /api/flows`, `POST /api/flows/validate`. */
export function flowRoutes(ctx: AppContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get', path: '/api/flows', tag: 'flows', summary: 'Every saved flow, with next run times and the last run',
      responses: { 200: { description: 'The flows', schema: { type: 'object', properties: { flows: { type: 'array', items: flowSummarySchema }, problems: { type: 'array', items: { type: 'object' } } } } } },
      handle: async () => {
        const { flows, problems } = await ctx.flows.list();
        return { body: { flows: await Promise.all(flows.map((flow) => summarizeFlow(ctx, flow))), problems } };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/flows/validate', tag: 'flows', summary: 'Validate a flow without saving it',
      body: flowBodySchema, bodyRequired: true,
      responses: { 200: { description: 'Every issue, each naming the node and field', schema: { type: 'object', properties: { valid: { type: 'boolean' }, issues: { type: 'array', items: flowIssueSchema } } } } },
      handle: async ({ body }) => {
        const issues = ctx.flows.validate(body);
        return { body: { valid: issues.length === 0, issues } };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/flows/:id', tag: 'flows', summary: 'A flow file (secrets as { "$secret": ref } placeholders)',
      params: flowIdParams,
      responses: { 200: { description: 'The flow; header ETag', schema: flowSchema }, 404: { description: 'No such flow', schema: errorSchema } },
      handle: async ({ params }) => {
        const stored = await ctx.flows.get(params.id);
        return { body: stored.flow, headers: { ETag: stored.etag } };
      },
    }),
    defineRoute({
      method: 'put', path: '/api/flows/:id', tag: 'flows',
      summary: 'Create or replace a flow. Send If-Match with the ETag you read (409 when stale); If-None-Match: * creates only',
      params: flowIdParams, body: flowBodySchema, bodyRequired: true,
      responses: {
        200: { description: 'Saved', schema: savedSchema }, 201: { description: 'Created', schema: savedSchema },
        400: { description: 'flow_invalid: details.issues lists every problem', schema: errorSchema },
        409: { description: 'If-Match is stale (or If-None-Match: * and the flow exists)', schema: errorSchema },
      },
      handle: async ({ params, body, request }) => {
        const { stored, created } = await ctx.flows.save(params.id, body, {
          ifMatch: request.get('if-match'), ifNoneMatch: request.get('if-none-match'),
        });
        return { status: created ? 201 : 200, body: { flow: stored.flow, etag: stored.etag }, headers: { ETag: stored.etag } };
      },
    }),
    defineRoute({
      method: 'delete', path: '/api/flows/:id', tag: 'flows',
      summary: 'Delete a flow, its schedule and its secrets; ?deleteEntities=true also deletes its entities, state, runs and rejects',
      params: flowIdParams,
      query: { type: 'object', properties: { deleteEntities: { type: 'boolean', default: false } } },
      responses: { 204: { description: 'Deleted' }, 404: { description: 'No such flow', schema: errorSchema }, 409: { description: 'Stale If-Match, or deleting entities while the flow runs', schema: errorSchema } },
      handle: async ({ params, query, request }) => {
        if (query.deleteEntities && (await ctx.store.leaseHolder(params.id))) {
          throw new LeaseHeldError(`Flow "${params.id}" is running; cancel the run (or wait for it) before deleting its entities.`);
        }
        await ctx.flows.delete(params.id, { ifMatch: request.get('if-match') });
        if (query.deleteEntities) await ctx.store.deleteChannel(params.id);
        return { status: 204 };
      },
    }),
  ];
}
