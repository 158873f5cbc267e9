import { randomBytes } from 'node:crypto';

export { serviceUrl } from '../../support/service-url.ts';

/** A table name no other test (or test run) uses. */
export function uniqueTable(prefix = 'trib'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** The same URL pointed at another port (for "connection refused"), with a password that must never be shown. */
export function refusedUrl(url: string, password = 'never-show-this-pw'): string {
  const copy = new URL(url);
  copy.port = '1';
  copy.password = password;
  return copy.href;
}
