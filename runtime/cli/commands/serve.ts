import type { Command } from 'commander';
import { readEnvironment } from '../../config/environment.ts';
import { createAppContext } from '../../server/app-context.ts';
import { createApp } from '../../server/create-app.ts';
import { listen } from '../../server/listen.ts';
import { stderrLogger } from '../../server/server-logger.ts';
import { guardStrayRejections } from '../../server/process-guards.ts';
import { handleShutdownSignals } from '../../server/shutdown-signals.ts';
import { openProjectParts } from '../open-runtime.ts';

/** How long a stop waits for runs to reach a checkpoint after cancelling them. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

/** The address to print: a wildcard host is reachable on loopback. */
function browsableUrl(url: string): string {
  return url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//127.0.0.1:');
}

/**
 * `tributary serve [--port] [--host]`: the HTTP API, the editor and the scheduler in one process. Prints a
 * link with the token (Jupyter style); SIGTERM or Ctrl+C stops scheduling, cancels runs (they stop at a
 * checkpoint within 10 s) and exits 0; a second signal exits at once.
 */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the HTTP API, the editor and the scheduler')
    .option('--port <port>', 'port to listen on (default PORT or 3000; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (default HOST or 127.0.0.1)')
    .action(async (options: { port?: string; host?: string }) => {
      const environment = readEnvironment({ ...process.env, ...(options.port === undefined ? {} : { PORT: options.port }) });
      const logger = stderrLogger('info');
      const ctx = await createAppContext({
        dataDir: environment.dataDir, flowsDir: environment.flowsDir, env: process.env, ...(await openProjectParts(environment)), logger,
      });
      const { server, url } = await listen(createApp(ctx), { host: options.host ?? environment.host, port: environment.port });
      if (ctx.token.source === 'generated') process.stderr.write(`An API token was generated and saved in ${environment.dataDir}/token.\n`);
      process.stderr.write(`${ctx.scheduler.scheduledFlowIds().length} scheduled flow(s); flows in ${environment.flowsDir}.\n`);
      process.stdout.write(`Tributary is running: ${browsableUrl(url)}/?token=${encodeURIComponent(ctx.token.token)}\n`);
      guardStrayRejections(ctx.logger);
      handleShutdownSignals({
        notify: (message) => process.stderr.write(`${message}\n`),
        stop: async () => {
          server.close();
          server.closeIdleConnections();
          await ctx.close(SHUTDOWN_DEADLINE_MS);
          server.closeAllConnections();
        },
      });
    });
}
