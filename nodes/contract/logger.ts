/** Structured fields attached to a log line. */
export type LogFields = Record<string, unknown>;

/** The logger a node receives in its context. Lines never contain secrets: the runtime scrubs them. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** A logger that drops everything; useful in tests and checks. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
