import type { AppContext } from './app-context.ts';
import { buildOpenApi } from './openapi.ts';
import { defineRoute, type RouteDefinition } from './route-definition.ts';
import { entityRoutes } from './routes/entity-routes.ts';
import { flowRoutes } from './routes/flow-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { nodeRoutes } from './routes/node-routes.ts';
import { runRoutes } from './routes/run-routes.ts';
import { scheduleRoutes } from './routes/schedule-routes.ts';
import { templateRoutes } from './routes/template-routes.ts';
import { versionRoutes } from './routes/version-routes.ts';

/**
 * Every API route, in one table: method, path, schemas, handler. Express routing, request validation and
 * `/api/openapi.json` are all built from it.
 */
export function routeTable(ctx: AppContext): RouteDefinition[] {
  const routes = [
    ...healthRoutes(),
    ...nodeRoutes(ctx),
    ...flowRoutes(ctx),
    ...versionRoutes(ctx),
    ...runRoutes(ctx),
    ...entityRoutes(ctx),
    ...scheduleRoutes(),
    ...templateRoutes(ctx),
  ];
  const openApi = defineRoute({
    method: 'get', path: '/api/openapi.json', tag: 'system', summary: 'This API as an OpenAPI 3.1 document',
    responses: { 200: { description: 'The document', schema: { type: 'object' } } },
    handle: async () => ({ body: document }),
  });
  const document = buildOpenApi([...routes, openApi]);
  return [...routes, openApi];
}
