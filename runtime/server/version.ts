import { readFileSync } from 'node:fs';

/** Tributary's version, from package.json (what `/api/health` reports). */
export const TRIBUTARY_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
