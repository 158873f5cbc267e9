/**
 * The one place error codes become HTTP statuses. Codes come from the error hierarchy (nodes/contract
 * errors, `StaleVersionError`, `RequestError`) and from body parsing; anything unknown is a 500.
 */
export const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  bad_request: 400,
  flow_invalid: 400,
  config_invalid: 400,
  not_checkable: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  flow_busy: 409,
  cancelled: 409,
  too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  transport_failed: 502,
};

/** The HTTP status of an error code. */
export function statusOfCode(code: string): number {
  return STATUS_BY_CODE[code] ?? 500;
}

/** The error code for an HTTP status set by a library (body parser), for statuses without a code of ours. */
export function codeOfStatus(status: number): string {
  const entry = Object.entries(STATUS_BY_CODE).find(([, value]) => value === status);
  return entry ? entry[0] : status >= 500 ? 'internal' : 'bad_request';
}
