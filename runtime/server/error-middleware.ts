import type { ErrorRequestHandler } from 'express';
import { FlowDefinitionError, TributaryError } from '../../nodes/contract/errors.ts';
import type { Logger } from '../../nodes/contract/logger.ts';
import { StaleVersionError } from '../flows/flow-errors.ts';
import { codeOfStatus, statusOfCode } from './error-status.ts';
import { RequestError } from './request-errors.ts';

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** Details a client can act on, per error type; never a secret (messages are written without them). */
function detailsOf(error: TributaryError): Record<string, unknown> | undefined {
  if (error instanceof FlowDefinitionError) return { issues: error.issues };
  if (error instanceof RequestError && error.fields.length > 0) return { fields: error.fields };
  if (error instanceof StaleVersionError && error.currentEtag) return { currentEtag: error.currentEtag };
  if (error.nodeId || error.field) return { nodeId: error.nodeId, field: error.field };
  return undefined;
}

/** Errors thrown by body-parser and other http-errors style libraries carry `status` and `type`. */
function libraryError(error: unknown): { status: number; type?: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { status?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? { status, type: (error as { type?: string }).type } : undefined;
}

/** Turns any error into `{ error }` JSON with a status; the single place errors meet HTTP. */
export function errorAnswer(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof TributaryError) {
    const message = error instanceof FlowDefinitionError ? error.message.split('\n')[0] : error.message;
    return { status: statusOfCode(error.code), body: { error: { code: error.code, message, details: detailsOf(error) } } };
  }
  const known = libraryError(error);
  if (known?.type === 'entity.too.large') {
    return { status: 413, body: { error: { code: 'too_large', message: 'The request body is larger than the server accepts (5 MB).' } } };
  }
  if (known?.type === 'entity.parse.failed') {
    return { status: 400, body: { error: { code: 'bad_request', message: 'The request body is not valid JSON.' } } };
  }
  if (known) {
    return { status: known.status, body: { error: { code: codeOfStatus(known.status), message: (error as Error).message } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on the server; the details are in its log.' } } };
}

/**
 * The Express error middleware: maps the error hierarchy to statuses (see `error-status.ts`) and logs
 * unexpected errors (through the scrubbing logger, so no secret reaches the log).
 */
export function errorMiddleware(log: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) return next(error);
    const { status, body } = errorAnswer(error);
    if (status >= 500) log.error('request failed', { method: request.method, path: request.path, error: String((error as Error)?.stack ?? error) });
    response.status(status).json(body);
  };
}
