import { NotFoundError, TributaryError } from '../../nodes/contract/errors.ts';

/**
 * The errors the `/hooks` endpoint answers with. Their codes map to statuses in `runtime/server/error-status.ts`
 * like every other error; messages tell the sender what to change and never hold the token.
 */

/** 404: no enabled `webhook.form` at that address. The same answer for every reason, so nothing is revealed. */
export function formNotFound(flowId: string, nodeId: string): NotFoundError {
  return new NotFoundError(`There is no form at /hooks/${flowId}/${nodeId}.`);
}

/** 500: the form exists but its config cannot be used; details go to the server log only. */
export function formMisconfigured(): TributaryError {
  return new TributaryError('internal', 'This form cannot take submissions until its configuration is fixed; the server log says what is wrong.');
}

/** 401: the form has a token and the request did not carry the right one. */
export function tokenRefused(missing: boolean): TributaryError {
  return new TributaryError('unauthorized', missing
    ? 'This form needs its token: add ?token=<token> to the address or send the X-Tributary-Token header.'
    : 'The token does not match this form\'s token.');
}

/** 429: the form's rate limit is used up; `retryAfterSeconds` goes into the Retry-After header. */
export class TooManySubmissionsError extends TributaryError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_requests', `This form takes no more submissions right now; try again in ${retryAfterSeconds} s.`);
  }
}

/** 413: the body is bigger than the form's `maxBodyBytes`. */
export function bodyTooLarge(limit: number): TributaryError {
  return new TributaryError('too_large', `The submission is larger than this form accepts (${limit} bytes).`);
}

/** 415: a content type forms are not sent with, or a file part. */
export function unsupportedMedia(message: string): TributaryError {
  return new TributaryError('unsupported_media_type', message);
}

/** 400: a body that cannot be read as what its content type says. */
export function badSubmission(message: string): TributaryError {
  return new TributaryError('bad_request', message);
}
