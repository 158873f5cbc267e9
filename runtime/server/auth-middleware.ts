import type { RequestHandler } from 'express';
import { tokenMatches } from './api-token.ts';
import { UnauthorizedError } from './request-errors.ts';

/** The token a request presents: `Authorization: Bearer <token>`, else `?token=`. */
function presentedToken(authorization: string | undefined, query: unknown): string | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (bearer) return bearer[1].trim();
  const fromQuery = (query as Record<string, unknown> | undefined)?.token;
  return typeof fromQuery === 'string' ? fromQuery : undefined;
}

/**
 * Lets a request through only with the API token (compared in constant time); 401 JSON otherwise.
 * @example app.use('/api', requireToken(ctx.token.token));
 */
export function requireToken(token: string): RequestHandler {
  return (request, response, next) => {
    if (tokenMatches(presentedToken(request.get('authorization'), request.query), token)) return next();
    response.set('WWW-Authenticate', 'Bearer realm="tributary"');
    next(new UnauthorizedError());
  };
}
