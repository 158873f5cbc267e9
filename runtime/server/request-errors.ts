import { TributaryError, type TributaryErrorOptions } from '../../nodes/contract/errors.ts';

/** One request field that failed validation. */
export interface FieldProblem {
  /** Dotted path: `body.full`, `query.limit`, `params.id`. */
  field: string;
  message: string;
}

/** The request itself is malformed: wrong fields, a bad query, an unusable body. Answered with 400. */
export class RequestError extends TributaryError {
  readonly fields: FieldProblem[];

  constructor(message: string, fields: FieldProblem[] = [], options: TributaryErrorOptions & { code?: string } = {}) {
    super(options.code ?? 'bad_request', message, options);
    this.fields = fields;
  }
}

/** No valid API token was presented. Answered with 401. */
export class UnauthorizedError extends TributaryError {
  constructor(message = 'A valid API token is required: send "Authorization: Bearer <token>" or add ?token=<token>.') {
    super('unauthorized', message);
  }
}
