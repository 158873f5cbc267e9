import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { NotFoundError } from '../../nodes/contract/errors.ts';
import type { AppContext } from './app-context.ts';
import { requireToken } from './auth-middleware.ts';
import { errorMiddleware } from './error-middleware.ts';
import { compileRequestValidator } from './request-validation.ts';
import type { RouteDefinition } from './route-definition.ts';
import { routeTable } from './route-table.ts';
import { webhookRouter } from './routes/webhook-routes.ts';
import { scrubDeep } from './scrub-deep.ts';
import { serveEditor } from './static-editor.ts';

/** The largest JSON body accepted; bigger ones get 413. */
export const BODY_LIMIT = '5mb';

/** Mounts one route: validate the request, call the handler, send its reply (JSON, scrubbed of secrets). */
function mount(app: Express, route: RouteDefinition): void {
  const validate = compileRequestValidator(route);
  app[route.method](route.path, async (request: Request, response: Response) => {
    const input = validate(request);
    const reply = await route.handle({ ...input, request, response });
    if (!reply) return;
    response.status(reply.status ?? 200).set(reply.headers ?? {});
    if (reply.body === undefined) response.end();
    else response.json(reply.body);
  });
}

/** Every JSON answer passes through the secret scrubber: a last guard behind secret-free code paths. */
function scrubJsonAnswers(scrub: (text: string) => string) {
  return (_request: Request, response: Response, next: NextFunction): void => {
    const json = response.json.bind(response);
    response.json = (body: unknown) => json(scrubDeep(body, scrub));
    next();
  };
}

/**
 * Builds the Express app of the HTTP API (and the editor, when built) over an app context. It does not
 * listen: `listen.ts` (or the serve command) does, and tests drive it in-process with supertest.
 * @example const app = createApp(await createAppContext({ dataDir, flowsDir, env: process.env }));
 */
export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(scrubJsonAnswers(ctx.scrub));
  app.use('/api', express.json({ limit: BODY_LIMIT }));
  const routes = routeTable(ctx);
  for (const route of routes.filter((item) => item.public)) mount(app, route);
  app.use('/api', requireToken(ctx.token.token));
  for (const route of routes.filter((item) => !item.public)) mount(app, route);
  app.use('/api', (request, _response, next) => next(new NotFoundError(`There is no API route ${request.method} ${request.originalUrl.split('?')[0]}.`)));
  app.use('/hooks', webhookRouter(ctx.webhooks));
  if (ctx.editorDir) serveEditor(app, ctx.editorDir);
  app.use(errorMiddleware(ctx.logger));
  return app;
}
