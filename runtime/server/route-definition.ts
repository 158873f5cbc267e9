import type { Request, Response } from 'express';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';

/** The HTTP methods the API uses. */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete';

/** One documented answer of a route. */
export interface ResponseDoc {
  description: string;
  /** JSON Schema of the body (omitted for empty answers). */
  schema?: JSONSchema;
  /** Defaults to `application/json`. */
  contentType?: string;
}

/** What a handler receives: validated (and coerced) params, query and body, plus the raw request. */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  request: Request;
  response: Response;
}

/** What a handler answers; `undefined` when it wrote the response itself (server-sent events). */
export interface RouteReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One row of the route table: everything validation, OpenAPI and Express need. */
export interface RouteDefinition {
  method: HttpMethod;
  /** Express path, for example `/api/flows/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** True for the routes open without a token (`/api/health`). */
  public?: boolean;
  params?: JSONSchema;
  query?: JSONSchema;
  body?: JSONSchema;
  /** True when a body must be sent; otherwise a missing body counts as `{}`. */
  bodyRequired?: boolean;
  responses: Record<number, ResponseDoc>;
  handle(input: RouteInput<unknown, unknown, unknown>): Promise<RouteReply | undefined>;
}

type Infer<S, Fallback> = [S] extends [undefined] ? Fallback : S extends JSONSchema ? FromSchema<S> : Fallback;

/** A route as written: its handler typed from its own schemas. */
export interface RouteSpec<P, Q, B> extends Omit<RouteDefinition, 'params' | 'query' | 'body' | 'handle'> {
  params?: P;
  query?: Q;
  body?: B;
  handle(input: RouteInput<Infer<P, Record<string, never>>, Infer<Q, Record<string, never>>, Infer<B, undefined>>): Promise<RouteReply | undefined>;
}

/**
 * Defines a route; the handler's `params`, `query` and `body` are typed from the route's JSON Schemas,
 * which also validate the request and document it in `/api/openapi.json`.
 * @example defineRoute({ method: 'get', path: '/api/runs/:id', tag: 'runs', summary: 'One run',
 *   params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } as const,
 *   responses: { 200: { description: 'The run record' } }, handle: async ({ params }) => ({ body: await store.getRun(params.id) }) });
 */
export function defineRoute<const P extends JSONSchema | undefined = undefined, const Q extends JSONSchema | undefined = undefined,
  const B extends JSONSchema | undefined = undefined>(spec: RouteSpec<P, Q, B>): RouteDefinition {
  return spec as unknown as RouteDefinition;
}
