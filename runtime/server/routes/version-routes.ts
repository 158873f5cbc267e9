import type { AppContext } from '../app-context.ts';
import { defineRoute, type RouteDefinition } from '../route-definition.ts';
import { errorSchema, flowSchema } from './schemas.ts';

const versionParams = {
  type: 'object',
  properties: { id: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,79}$' }, version: { type: 'integer', minimum: 1 } },
  required: ['id', 'version'],
} as const;

const versionSchema = {
  type: 'object',
  required: ['version', 'savedAt', 'etag', 'name', 'current'],
  properties: {
    version: { type: 'integer' }, savedAt: { type: 'string', format: 'date-time' }, etag: { type: 'string' }, name: { type: 'string' },
    current: { type: 'boolean', description: 'True for the version the flow file holds now' },
  },
} as const;

/** Flow history: `GET /api/flows/:id/versions`, one version, restore. */
export function versionRoutes(ctx: AppContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get', path: '/api/flows/:id/versions', tag: 'flows', summary: 'Saved versions of a flow, newest first',
      params: { type: 'object', properties: { id: versionParams.properties.id }, required: ['id'] },
      responses: { 200: { description: 'The versions', schema: { type: 'object', properties: { versions: { type: 'array', items: versionSchema } } } }, 404: { description: 'No such flow', schema: errorSchema } },
      handle: async ({ params }) => ({ body: { versions: await ctx.flows.versions(params.id) } }),
    }),
    defineRoute({
      method: 'get', path: '/api/flows/:id/versions/:version', tag: 'flows', summary: "One saved version's flow JSON",
      params: versionParams,
      responses: { 200: { description: 'The flow as it was', schema: flowSchema }, 404: { description: 'No such version', schema: errorSchema } },
      handle: async ({ params }) => ({ body: await ctx.flows.readVersion(params.id, params.version) }),
    }),
    defineRoute({
      method: 'post', path: '/api/flows/:id/versions/:version/restore', tag: 'flows',
      summary: 'Save a version again as the newest (restoring is itself a new version)',
      params: versionParams,
      responses: {
        200: { description: 'Restored', schema: { type: 'object', properties: { flow: flowSchema, etag: { type: 'string' } } } },
        400: { description: 'The version no longer validates (for example a node type was removed)', schema: errorSchema },
        404: { description: 'No such version', schema: errorSchema },
      },
      handle: async ({ params }) => {
        const { stored } = await ctx.flows.restore(params.id, params.version);
        return { body: { flow: stored.flow, etag: stored.etag }, headers: { ETag: stored.etag } };
      },
    }),
  ];
}
