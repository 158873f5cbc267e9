import type { Logger } from '../../nodes/contract/logger.ts';

/**
 * Keeps a long-running process (serve, schedule) alive when a node's stray promise rejects outside any run
 * (a rejection nobody awaited): the error is logged, scrubbed, instead of ending the process and every run
 * in it. Errors inside runs are already caught and recorded on the run. Returns the function that removes
 * the guard.
 * @example const unguard = guardStrayRejections(ctx.logger);
 */
export function guardStrayRejections(log: Logger): () => void {
  const onRejection = (reason: unknown): void => {
    const message = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    log.error('a promise rejected outside any run (a bug in a node module?); the process goes on', { error: message });
  };
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('unhandledRejection', onRejection);
  };
}
