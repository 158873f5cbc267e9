import type { Command } from 'commander';
import { readEnvironment } from '../../config/environment.ts';
import { createCatalog } from '../open-runtime.ts';

/** `tributary nodes`: the node catalogue, with any module that failed to load. */
export function registerNodesCommand(program: Command): void {
  program
    .command('nodes')
    .description('list the node types (built-in and TRIBUTARY_NODE_PATHS modules)')
    .option('--json', 'print the catalogue as JSON')
    .action(async (options: { json?: boolean }) => {
      const catalog = await createCatalog(readEnvironment());
      const nodes = catalog.list().map(({ type, version, category, channelType, label, description }) => ({
        type, version, category, channelType, label, description, source: catalog.sourceOf(type, version),
      }));
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ nodes, problems: catalog.problems }, null, 2)}\n`);
        return;
      }
      const width = Math.max(...nodes.map((node) => node.type.length));
      for (const node of nodes) {
        process.stdout.write(`${node.type.padEnd(width)}  v${node.version}  ${node.category.padEnd(9)}  ${node.label}\n`);
      }
      for (const problem of catalog.problems) {
        const where = problem.message.includes(problem.source) ? '' : `${problem.source}: `;
        process.stderr.write(`${problem.severity}: ${where}${problem.message}\n`);
      }
    });
}
