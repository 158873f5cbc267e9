import { Command } from 'commander';
import { TributaryError } from '../../nodes/contract/errors.ts';
import { registerDemoMagentoCommand } from './commands/demo-magento.ts';
import { registerExportCommand } from './commands/export.ts';
import { registerNewNodeCommand } from './commands/new-node.ts';
import { registerNodesCommand } from './commands/nodes.ts';
import { registerRunCommand } from './commands/run.ts';
import { registerScheduleCommand } from './commands/schedule.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerValidateCommand } from './commands/validate.ts';

/** The `tributary` command line. Exit code 1 with a plain message for every error a user can fix. */
const program = new Command('tributary')
  .description('Tributary: run, validate and serve integration flows')
  .showHelpAfterError();
registerServeCommand(program);
registerScheduleCommand(program);
registerRunCommand(program);
registerValidateCommand(program);
registerExportCommand(program);
registerNodesCommand(program);
registerDemoMagentoCommand(program);
registerNewNodeCommand(program);

// `tributary export person | head` closes the pipe early: that is a normal end, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${error instanceof TributaryError ? '' : 'Error: '}${message}\n`);
  process.exitCode = 1;
}
