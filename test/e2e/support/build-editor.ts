/** Vitest global setup of the end-to-end suite: builds the editor, so the browser tests the code as it is. */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Runs `vite build --config editor/vite.config.ts` once before the suite. */
export default async function buildEditor(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  await build({ configFile: fileURLToPath(new URL('../../../editor/vite.config.ts', import.meta.url)), logLevel: 'warn' });
}
