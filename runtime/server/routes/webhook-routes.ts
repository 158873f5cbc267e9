import express, { type Request, type RequestHandler, type Router } from 'express';
import { NotFoundError } from '../../../nodes/contract/errors.ts';
import { parseSubmission, submissionFormat } from '../../webhooks/parse-submission.ts';
import { readLimitedBody } from '../../webhooks/read-body.ts';
import { TooManySubmissionsError } from '../../webhooks/webhook-errors.ts';
import type { WebhookService } from '../../webhooks/webhook-service.ts';

/** The header a form's token may come in (else `?token=`). */
export const TOKEN_HEADER = 'X-Tributary-Token';

const DEFAULT_MAX_BODY_BYTES = 65_536;

function presentedToken(request: Request): string | undefined {
  const header = request.get(TOKEN_HEADER);
  if (header !== undefined) return header;
  const query = (request.query as Record<string, unknown>).token;
  return typeof query === 'string' ? query : undefined;
}

/** Forms are posted from other sites' pages: any origin may post and read the answer (no cookies are used). */
const allowCrossOrigin: RequestHandler = (_request, response, next) => {
  response.set('Access-Control-Allow-Origin', '*');
  next();
};

/**
 * `POST /hooks/:flowId/:nodeId`: a submission for a `webhook.form` source, outside `/api` and without the API
 * token (the form's own token, when set, protects it). Checks in order: the form exists (404), rate limit
 * (429 + Retry-After), token (401), content type (415), size (413), body (400; a file part 415). Answers
 * `202 { accepted: true, id }` once the submission is on disk. Mount at `/hooks`.
 * @example app.use('/hooks', webhookRouter(ctx.webhooks));
 */
export function webhookRouter(webhooks: WebhookService): Router {
  const router = express.Router();
  router.use(allowCrossOrigin);
  router.options('/:flowId/:nodeId', (_request, response) => {
    response.status(204).set({
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': `Content-Type, ${TOKEN_HEADER}`,
      'Access-Control-Max-Age': '600',
    }).end();
  });
  router.post('/:flowId/:nodeId', async (request, response) => {
    const form = await webhooks.resolve(request.params.flowId, request.params.nodeId);
    try {
      webhooks.admit(form);
    } catch (error) {
      if (error instanceof TooManySubmissionsError) response.set('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
    webhooks.authorize(form, presentedToken(request));
    const format = submissionFormat(request.get('content-type'));
    const body = await readLimitedBody(request, form.config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES).catch((error: unknown) => {
      // The rest of an oversized body is not worth reading: close the connection after the answer.
      response.set('Connection', 'close');
      throw error;
    });
    const { id } = await webhooks.submit(form, await parseSubmission(format, body, request.headers));
    response.status(202).json({ accepted: true, id });
  });
  router.all('/{*rest}', (request, _response, next) => {
    next(new NotFoundError(`There is no form at ${request.method} ${request.originalUrl.split('?')[0]}; forms are sent with POST /hooks/<flow id>/<node id>.`));
  });
  return router;
}
