import type { LogFields, Logger } from '../../nodes/contract/logger.ts';
import { scrubDeep } from './scrub-deep.ts';

type Level = keyof Logger;
const LEVELS: Level[] = ['debug', 'info', 'warn', 'error'];

/**
 * A logger writing one line per entry to stderr: time, level, message and the fields as JSON.
 * Entries below `minimum` are dropped.
 * @example stderrLogger('info').warn('flow file cannot be read', { id: 'shop' });
 */
export function stderrLogger(minimum: Level = 'info', write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const entry = (level: Level) => (message: string, fields?: LogFields) => {
    if (LEVELS.indexOf(level) < LEVELS.indexOf(minimum)) return;
    const extra = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    write(`${new Date().toISOString()} ${level.toUpperCase()} ${message}${extra}\n`);
  };
  return { debug: entry('debug'), info: entry('info'), warn: entry('warn'), error: entry('error') };
}

/**
 * Wraps a logger so no secret value reaches it: the message and every string in the fields pass through `scrub`.
 * @example const log = scrubbingLogger(stderrLogger(), ctx.scrub);
 */
export function scrubbingLogger(inner: Logger, scrub: (text: string) => string): Logger {
  const entry = (level: Level) => (message: string, fields?: LogFields) => {
    const cleanFields = fields === undefined ? undefined : scrubDeep(fields, scrub);
    inner[level](scrub(message), cleanFields);
  };
  return { debug: entry('debug'), info: entry('info'), warn: entry('warn'), error: entry('error') };
}
