import { Command } from 'commander';
import { TributaryError } from '../../nodes/contract/errors.ts';
import { registerExportCommand } from './commands/export.ts';
import { registerNodesCommand } from './commands/nodes.ts';
import { registerRunCommand } from './commands/run.ts';
import { registerValidateCommand } from './commands/validate.ts';

/** The `tributary` command line. Exit code 1 with a plain message for every error a user can fix. */
const program = new Command('tributary')
  .description('Tributary: run, validate and serve integration flows')
  .showHelpAfterError();
registerRunCommand(program);
registerValidateCommand(program);
registerExportCommand(program);
registerNodesCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${error instanceof TributaryError ? '' : 'Error: '}${message}\n`);
  process.exitCode = 1;
}
