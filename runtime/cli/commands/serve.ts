import type { Command } from 'commander';
import { readEnvironment } from '../../config/environment.ts';
import { watchNodeModules } from '../../nodes/watch-node-modules.ts';
import { openProject, type Project } from '../../project/open-project.ts';
import { createAppContext, type AppContext } from '../../server/app-context.ts';
import { createApp } from '../../server/create-app.ts';
import { listen } from '../../server/listen.ts';
import { describeNodeChange } from '../../server/node-changes.ts';
import { stderrLogger } from '../../server/server-logger.ts';
import { guardStrayRejections } from '../../server/process-guards.ts';
import { handleShutdownSignals } from '../../server/shutdown-signals.ts';

/** How long a stop waits for runs to reach a checkpoint after cancelling them. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

/**
 * Reloads the project's custom node modules when their files change and tells the editors
 * (`GET /api/nodes/events`). Returns the function that stops watching.
 */
function watchProjectNodes(project: Project, ctx: AppContext): () => void {
  if (project.modules.length === 0) {
    process.stderr.write('--watch-nodes: no custom node modules to watch (TRIBUTARY_NODE_PATHS and tributary.config.json list none).\n');
    return () => undefined;
  }
  process.stderr.write(`Watching ${project.modules.length} node module(s) for changes.\n`);
  return watchNodeModules(ctx.catalog, project.modules, (change) => {
    ctx.logger.info('node module reloaded', { source: change.source, nodeTypes: change.added.length, problems: change.problems.length });
    ctx.nodeChanges.publish(describeNodeChange(change));
  }, { templates: ctx.templates });
}

/** The address to print: a wildcard host is reachable on loopback. */
function browsableUrl(url: string): string {
  return url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//127.0.0.1:');
}

/**
 * `tributary serve [--port] [--host] [--watch-nodes]`: the HTTP API, the editor and the scheduler in one
 * process. Prints a link with the token (Jupyter style); SIGTERM or Ctrl+C stops scheduling, cancels runs (they
 * stop at a checkpoint within 10 s) and exits 0; a second signal exits at once. With `--watch-nodes`, a changed
 * custom node module is reloaded and open editors update their palette.
 */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the HTTP API, the editor and the scheduler')
    .option('--port <port>', 'port to listen on (default PORT or 3000; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (default HOST or 127.0.0.1)')
    .option('--watch-nodes', 'reload custom node modules when their files change; open editors update their palette')
    .action(async (options: { port?: string; host?: string; watchNodes?: boolean }) => {
      const environment = readEnvironment({ ...process.env, ...(options.port === undefined ? {} : { PORT: options.port }) });
      const logger = stderrLogger('info');
      const project = await openProject({ nodePaths: environment.nodePaths });
      const { catalog, entities, templates } = project;
      const ctx = await createAppContext({
        dataDir: environment.dataDir, flowsDir: environment.flowsDir, env: process.env, catalog, entities, templates, logger,
      });
      const { server, url } = await listen(createApp(ctx), { host: options.host ?? environment.host, port: environment.port });
      const stopWatching = options.watchNodes ? watchProjectNodes(project, ctx) : () => undefined;
      if (ctx.token.source === 'generated') process.stderr.write(`An API token was generated and saved in ${environment.dataDir}/token.\n`);
      process.stderr.write(`${ctx.scheduler.scheduledFlowIds().length} scheduled flow(s); flows in ${environment.flowsDir}.\n`);
      process.stdout.write(`Tributary is running: ${browsableUrl(url)}/?token=${encodeURIComponent(ctx.token.token)}\n`);
      guardStrayRejections(ctx.logger);
      handleShutdownSignals({
        notify: (message) => process.stderr.write(`${message}\n`),
        stop: async () => {
          stopWatching();
          server.close();
          server.closeIdleConnections();
          await ctx.close(SHUTDOWN_DEADLINE_MS);
          server.closeAllConnections();
        },
      });
    });
}
