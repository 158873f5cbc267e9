/** Options of `handleShutdownSignals`. */
export interface ShutdownOptions {
  /** Stops everything gracefully; the process exits 0 once it resolves. */
  stop: () => Promise<void>;
  /** Told when a signal arrives (for a line on stderr). */
  notify?: (message: string) => void;
  /** Exits the process (tests replace it). */
  exit?: (code: number) => void;
}

const EXIT_CODE: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * On the first SIGTERM or SIGINT runs `stop` (stop scheduling, cancel runs, close the store) and exits 0;
 * a second signal while stopping exits at once (130 for SIGINT, 143 for SIGTERM), the way people expect a
 * second Ctrl+C to work. Returns the function that removes the handlers.
 * @example handleShutdownSignals({ stop: () => ctx.close(10_000) });
 */
export function handleShutdownSignals(options: ShutdownOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      options.notify?.(`${signal} again: exiting now.`);
      exit(EXIT_CODE[signal] ?? 1);
      return;
    }
    stopping = true;
    options.notify?.(`${signal}: stopping (scheduling stopped, cancelling runs; send ${signal} again to exit at once)…`);
    options.stop().then(
      () => exit(0),
      (error: unknown) => {
        options.notify?.(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal).on('SIGINT', onSignal);
  return () => {
    process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
  };
}
