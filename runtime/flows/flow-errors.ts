import { TributaryError, type TributaryErrorOptions } from '../../nodes/contract/errors.ts';

/**
 * A save or delete was based on a version that is no longer current (`If-Match` did not match), or would
 * create a flow that already exists. The API answers 409; reload the flow and apply the change again.
 */
export class StaleVersionError extends TributaryError {
  /** The ETag of the version on disk now, when there is one. */
  readonly currentEtag?: string;

  constructor(message: string, options: TributaryErrorOptions & { currentEtag?: string } = {}) {
    super('conflict', message, options);
    this.currentEtag = options.currentEtag;
  }
}

/** A flow file on disk that cannot be read as JSON; listed so the user can fix it by hand. */
export interface FlowFileProblem {
  id: string;
  file: string;
  message: string;
}
