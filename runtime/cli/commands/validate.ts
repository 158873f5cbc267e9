import type { Command } from 'commander';
import { FlowDefinitionError } from '../../../nodes/contract/errors.ts';
import { validateFlow } from '../../../nodes/contract/validate-flow.ts';
import { readEnvironment } from '../../config/environment.ts';
import { loadFlowFile } from '../../flows/load-flow-file.ts';
import { createCatalog } from '../open-runtime.ts';

/** `tributary validate <files...>`: checks flow files and lists every problem; exit 1 when any is invalid. */
export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('check flow files: schema, node configs, sockets, required inputs, cycles')
    .argument('<files...>', 'flow files')
    .option('--json', 'print the result as JSON')
    .action(async (files: string[], options: { json?: boolean }) => {
      const catalog = await createCatalog(readEnvironment());
      const results = [];
      for (const file of files) {
        try {
          results.push({ file, issues: validateFlow(await loadFlowFile(file), catalog).issues });
        } catch (error) {
          if (!(error instanceof FlowDefinitionError)) throw error;
          results.push({ file, issues: error.issues });
        }
      }
      if (options.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      else for (const { file, issues } of results) printResult(file, issues);
      process.exitCode = results.some((result) => result.issues.length > 0) ? 1 : 0;
    });
}

function printResult(file: string, issues: { message: string }[]): void {
  if (issues.length === 0) {
    process.stdout.write(`✓ ${file} is valid\n`);
    return;
  }
  process.stdout.write(`✗ ${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n`);
  for (const issue of issues) process.stdout.write(`  - ${issue.message}\n`);
}
