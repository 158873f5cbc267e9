import path from 'node:path';
import type { Command } from 'commander';
import { SCAFFOLD_CATEGORIES, scaffoldNode, type ScaffoldCategory } from '../../nodes/scaffold/scaffold-node.ts';

/**
 * `tributary new-node <channelType>.<name> --category connector|mapper|transport|transform [--dir <path>]`:
 * scaffolds a custom node type (definition, test, fixture flow) in `./nodes-custom/<channelType>-<name>/`.
 */
export function registerNewNodeCommand(program: Command): void {
  program
    .command('new-node')
    .description('create a custom node type: definition, vitest test and fixture flow')
    .argument('<type>', 'node type id, <channelType>.<name>, for example acme.orders')
    .requiredOption('--category <category>', SCAFFOLD_CATEGORIES.join(', '))
    .option('--dir <path>', 'folder to create (default ./nodes-custom/<channelType>-<name>)')
    .action(async (type: string, options: { category: string; dir?: string }) => {
      const result = await scaffoldNode({ type, category: options.category as ScaffoldCategory, dir: options.dir });
      const relative = path.relative(process.cwd(), result.dir) || '.';
      process.stdout.write(`Created ${result.type} in ${relative}/:\n${result.files.map((file) => `  ${file}\n`).join('')}`);
      process.stdout.write(`Test it:  npx vitest run ${relative}\n`);
      process.stdout.write(`Load it:  TRIBUTARY_NODE_PATHS=${path.join(relative, result.module)} npx tributary nodes\n`);
    });
}
