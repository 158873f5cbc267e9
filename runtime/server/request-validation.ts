import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Request } from 'express';
import { createAjv, errorField, errorSentence } from '../../nodes/contract/ajv.ts';
import { RequestError, type FieldProblem } from './request-errors.ts';
import type { RouteDefinition } from './route-definition.ts';

/** Query strings arrive as text: coerce them to the schema's integers and booleans. */
const coercingAjv = createAjv({ coerceTypes: true });
const bodyAjv = createAjv();

/** The validated parts of a request. */
export interface ValidatedInput {
  params: unknown;
  query: unknown;
  body: unknown;
}

function problems(errors: ErrorObject[] | null | undefined, prefix: string): FieldProblem[] {
  return (errors ?? []).map((error) => {
    const field = errorField(error, prefix);
    return { field, message: errorSentence(error, field) };
  });
}

function hasBody(request: Request): boolean {
  return Number(request.get('content-length') ?? 0) > 0 || request.get('transfer-encoding') !== undefined;
}

/**
 * Compiles a route's schemas once and returns the function that checks a request against them:
 * `RequestError` (400) listing every failed field, or 415 for a body that is not JSON.
 */
export function compileRequestValidator(route: RouteDefinition): (request: Request) => ValidatedInput {
  const compile = (ajv: typeof bodyAjv, schema: RouteDefinition['params']): ValidateFunction | undefined =>
    schema === undefined ? undefined : ajv.compile(schema);
  const params = compile(coercingAjv, route.params);
  const query = compile(coercingAjv, route.query);
  const body = compile(bodyAjv, route.body);
  return (request) => {
    const input: ValidatedInput = { params: { ...request.params }, query: { ...(request.query as object) }, body: request.body };
    delete (input.query as Record<string, unknown>).token;
    if (route.body && hasBody(request) && !request.is('application/json')) {
      throw new RequestError('Send the body as JSON (Content-Type: application/json).', [], { code: 'unsupported_media_type' });
    }
    if (input.body === undefined && route.body && !route.bodyRequired) input.body = {};
    const failed = [
      ...(params && !params(input.params) ? problems(params.errors, 'params') : []),
      ...(query && !query(input.query) ? problems(query.errors, 'query') : []),
      ...(body && !body(input.body) ? problems(body.errors, 'body') : []),
    ];
    if (failed.length > 0) throw new RequestError(`The request is not valid: ${failed.map((item) => item.message).join('; ')}.`, failed);
    return input;
  };
}
