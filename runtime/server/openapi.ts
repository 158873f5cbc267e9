import type { JSONSchema } from 'json-schema-to-ts';
import type { RouteDefinition } from './route-definition.ts';
import { flowSchema } from './routes/schemas.ts';
import { TRIBUTARY_VERSION } from './version.ts';

type SchemaObject = Exclude<JSONSchema, boolean>;

/** `/api/flows/:id` → `/api/flows/{id}`. */
function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(route: RouteDefinition): Record<string, unknown>[] {
  const from = (schema: JSONSchema | undefined, where: 'path' | 'query') => {
    const object = schema as SchemaObject | undefined;
    return Object.entries(object?.properties ?? {}).map(([name, property]) => ({
      name, in: where, required: where === 'path' || (object?.required ?? []).includes(name), schema: property,
    }));
  };
  return [...from(route.params, 'path'), ...from(route.query, 'query')];
}

function operation(route: RouteDefinition): Record<string, unknown> {
  const responses = Object.fromEntries(Object.entries(route.responses).map(([status, doc]) => [
    status,
    { description: doc.description, ...(doc.schema || doc.contentType ? { content: { [doc.contentType ?? 'application/json']: doc.schema ? { schema: doc.schema } : {} } } : {}) },
  ]));
  if (!route.public) responses['401'] ??= { description: 'No valid token', content: { 'application/json': {} } };
  return {
    summary: route.summary,
    tags: [route.tag],
    operationId: `${route.method}${openApiPath(route.path).replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    ...(route.public ? { security: [] } : {}),
    parameters: parameters(route),
    ...(route.body ? { requestBody: { required: route.bodyRequired ?? false, content: { 'application/json': { schema: route.body } } } } : {}),
    responses,
  };
}

/**
 * The OpenAPI 3.1 document of the API, generated from the same route table (and JSON Schemas) the server
 * validates requests with, so the document cannot drift from the code.
 * @example res.json(buildOpenApi(routes));
 */
export function buildOpenApi(routes: RouteDefinition[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[openApiPath(route.path)] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: { title: 'Tributary API', version: TRIBUTARY_VERSION, description: 'See docs/api.md. Errors: { error: { code, message, details? } }.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { token: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        token: { type: 'apiKey', in: 'query', name: 'token' },
      },
      schemas: { Flow: flowSchema },
    },
    paths,
  };
}
