import type { Command } from 'commander';
import { readEnvironment } from '../../config/environment.ts';
import { runFlow } from '../../engine/run-flow.ts';
import { openRuntime } from '../open-runtime.ts';
import { resolveFlowArgument } from '../resolve-flow-argument.ts';
import { createProgressPrinter, formatRunSummary } from '../run-progress-printer.ts';

/** Exit codes of `tributary run`: 0 succeeded, 2 partial (records rejected), 1 failed or cancelled. */
export const RUN_EXIT_CODES = { succeeded: 0, partial: 2, failed: 1, cancelled: 1 } as const;

/** `tributary run <flow>`: runs a flow once, headless, with live progress on a terminal. */
export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('run a flow once (a flow file or the id of a flow in TRIBUTARY_FLOWS_DIR)')
    .argument('<flow>', 'flow file or flow id')
    .option('--full', 'forced full sync: ignore cursors and re-read everything')
    .option('--json', 'print the run record as JSON')
    .action(async (argument: string, options: { full?: boolean; json?: boolean }) => {
      const environment = readEnvironment();
      const flow = await resolveFlowArgument(argument, environment.flowsDir);
      const runtime = await openRuntime(environment);
      const cancel = new AbortController();
      const onSignal = () => cancel.abort();
      process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
      try {
        const printProgress = createProgressPrinter(process.stderr);
        const run = await runFlow({
          flow, catalog: runtime.catalog, store: runtime.store, entities: runtime.entities, secrets: runtime.secrets,
          trigger: 'cli', full: options.full, signal: cancel.signal, onProgress: options.json ? undefined : printProgress,
        });
        if (process.stderr.isTTY && !options.json) process.stderr.write('\n');
        process.stdout.write(options.json ? `${JSON.stringify(run, null, 2)}\n` : formatRunSummary(run));
        process.exitCode = RUN_EXIT_CODES[run.status as keyof typeof RUN_EXIT_CODES] ?? 1;
      } finally {
        process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
        await runtime.close();
      }
    });
}
