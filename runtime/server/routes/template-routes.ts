import { NotFoundError } from '../../../nodes/contract/errors.ts';
import { instantiateTemplate } from '../../../nodes/templates/instantiate-template.ts';
import { listChannelTypes } from '../../../nodes/templates/template-catalog.ts';
import type { AppContext } from '../app-context.ts';
import { defineRoute, type RouteDefinition } from '../route-definition.ts';
import { errorSchema } from './schemas.ts';

const anyObject = { type: 'object' } as const;

const fromTemplateBody = {
  type: 'object',
  additionalProperties: false,
  required: ['templateId', 'flowId', 'name'],
  properties: {
    templateId: { type: 'string', minLength: 1 },
    flowId: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,79}$' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string' },
    values: { type: 'object', additionalProperties: { type: 'object' } },
    connectors: { type: 'array', items: { type: 'string' } },
    schedule: {
      anyOf: [
        { type: 'null' },
        { type: 'object', required: ['cron'], properties: { cron: { type: 'string' }, timezone: { type: 'string' } } },
      ],
    },
    enabled: { type: 'boolean' },
  },
} as const;

/**
 * Channel types and their flow templates, and the New-channel wizard's endpoint that turns a template into a
 * saved flow (secrets in the filled values go to the secret store like any save).
 */
export function templateRoutes(ctx: AppContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get', path: '/api/channel-types', tag: 'templates', summary: 'Channel types with their node types and flow templates',
      responses: { 200: { description: 'The channel types', schema: { type: 'object', properties: { channelTypes: { type: 'array', items: anyObject } } } } },
      handle: async () => ({ body: { channelTypes: listChannelTypes(ctx.templates, ctx.catalog) } }),
    }),
    defineRoute({
      method: 'get', path: '/api/templates', tag: 'templates', summary: 'Flow templates, optionally of one channel type',
      query: { type: 'object', properties: { channelType: { type: 'string' } } },
      responses: { 200: { description: 'The templates', schema: { type: 'object', properties: { templates: { type: 'array', items: anyObject } } } } },
      handle: async ({ query }) => ({ body: { templates: ctx.templates.list(query.channelType) } }),
    }),
    defineRoute({
      method: 'get', path: '/api/templates/:id', tag: 'templates', summary: 'One flow template',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
      responses: { 200: { description: 'The template', schema: anyObject }, 404: { description: 'No such template', schema: errorSchema } },
      handle: async ({ params }) => {
        const template = ctx.templates.get(params.id);
        if (!template) throw new NotFoundError(`There is no flow template "${params.id}".`);
        return { body: template };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/flows/from-template', tag: 'templates',
      summary: 'Create a flow from a template with the wizard\'s values and ticked connectors (409 when the id is taken)',
      body: fromTemplateBody, bodyRequired: true,
      responses: {
        201: { description: 'Created', schema: { type: 'object', properties: { flow: anyObject, etag: { type: 'string' } } } },
        400: { description: 'flow_invalid: details.issues lists every problem', schema: errorSchema },
        404: { description: 'No such template', schema: errorSchema },
        409: { description: 'A flow with this id exists', schema: errorSchema },
      },
      handle: async ({ body }) => {
        const template = ctx.templates.get(body.templateId);
        if (!template) throw new NotFoundError(`There is no flow template "${body.templateId}".`);
        const { templateId: _templateId, ...options } = body;
        const flow = instantiateTemplate(template, options, ctx.catalog);
        const { stored } = await ctx.flows.save(body.flowId, flow, { ifNoneMatch: '*' });
        return { status: 201, body: { flow: stored.flow, etag: stored.etag }, headers: { ETag: stored.etag } };
      },
    }),
  ];
}
