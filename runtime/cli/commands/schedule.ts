import type { Command } from 'commander';
import { readEnvironment } from '../../config/environment.ts';
import { createAppContext } from '../../server/app-context.ts';
import { stderrLogger } from '../../server/server-logger.ts';
import { guardStrayRejections } from '../../server/process-guards.ts';
import { handleShutdownSignals } from '../../server/shutdown-signals.ts';
import { openProjectParts } from '../open-runtime.ts';
import { SHUTDOWN_DEADLINE_MS } from './serve.ts';

/**
 * `tributary schedule`: runs the enabled scheduled flows on their cron schedules, without the HTTP API.
 * Flows are read once at start (restart it after editing flow files). SIGTERM or Ctrl+C stops scheduling,
 * cancels runs and exits 0; a second signal exits at once.
 */
export function registerScheduleCommand(program: Command): void {
  program
    .command('schedule')
    .description('run the scheduled flows on their schedules, without the HTTP API')
    .action(async () => {
      const environment = readEnvironment();
      const logger = stderrLogger('info');
      const ctx = await createAppContext({
        dataDir: environment.dataDir, flowsDir: environment.flowsDir, env: process.env, ...(await openProjectParts(environment)), logger,
      });
      const scheduled = ctx.scheduler.scheduledFlowIds();
      process.stdout.write(`Tributary scheduler is running: ${scheduled.length} flow(s) scheduled${scheduled.length ? ` (${scheduled.join(', ')})` : ''}.\n`);
      for (const id of scheduled) process.stdout.write(`  ${id}: next run ${ctx.scheduler.nextRuns(id, 1)[0] ?? 'none'}\n`);
      guardStrayRejections(ctx.logger);
      // With no flow scheduled nothing else keeps the process alive; it should wait for a signal all the same.
      const keepAlive = setInterval(() => undefined, 1 << 30);
      handleShutdownSignals({
        notify: (message) => process.stderr.write(`${message}\n`),
        stop: async () => {
          clearInterval(keepAlive);
          await ctx.close(SHUTDOWN_DEADLINE_MS);
        },
      });
    });
}
