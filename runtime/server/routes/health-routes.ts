import { defineRoute, type RouteDefinition } from '../route-definition.ts';
import { TRIBUTARY_VERSION } from '../version.ts';

/** `GET /api/health`: open without a token, for load balancers and the `serve` start-up check. */
export function healthRoutes(): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get', path: '/api/health', tag: 'system', summary: 'Liveness; no token needed', public: true,
      responses: { 200: { description: 'Up', schema: { type: 'object', properties: { ok: { const: true }, version: { type: 'string' } } } } },
      handle: async () => ({ body: { ok: true, version: TRIBUTARY_VERSION } }),
    }),
  ];
}
