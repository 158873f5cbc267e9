import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { Flow } from '../../../nodes/contract/flow-file.ts';
// The sandbox shop is the project's Magento test fixture. A demo command may use it; no flow or node ever does.
import { startMagentoFixture, type MagentoFixture, type MagentoMode } from '../../../test/fixtures/magento/index.ts';
import { readEnvironment } from '../../config/environment.ts';
import { runFlow } from '../../engine/run-flow.ts';
import { loadFlowFile } from '../../flows/load-flow-file.ts';
import type { RunRecord } from '../../store/types.ts';
import { openRuntime } from '../open-runtime.ts';
import { createProgressPrinter, formatRunSummary } from '../run-progress-printer.ts';
import { RUN_EXIT_CODES } from './run.ts';

/** The flow the demo runs: flows/magento-demo.flow.json of this package. */
export const MAGENTO_DEMO_FLOW_FILE = fileURLToPath(new URL('../../../flows/magento-demo.flow.json', import.meta.url));

const MODES: readonly MagentoMode[] = ['rpc', 'rpc-php', 'wsi'];

/** Options of `tributary demo-magento`. */
export interface DemoMagentoOptions {
  /** Wire format of the sandbox: `rpc-php` (what a real Magento sends, default), `rpc` or `wsi`. */
  mode?: MagentoMode;
  /** Port of the sandbox (default: a free one). */
  port?: number;
  /** Re-read everything instead of continuing from the cursors of an earlier demo run. */
  full?: boolean;
}

/** What one demo run leaves: the run record and the still-running sandbox (the caller closes it). */
export interface DemoMagentoResult {
  run: RunRecord;
  sandbox: MagentoFixture;
}

/**
 * Starts the sandbox shop with the sample data, prints its WSDL URL, API user and key, and runs the demo flow once
 * against it (MAGENTO_WSDL_URL and MAGENTO_API_KEY set for the flow's `$env` references) into TRIBUTARY_DATA_DIR.
 * @example const { run, sandbox } = await runDemoMagento({ mode: 'wsi' }, process.stdout); await sandbox.close();
 */
export async function runDemoMagento(options: DemoMagentoOptions, out: NodeJS.WritableStream): Promise<DemoMagentoResult> {
  const mode = options.mode ?? 'rpc-php';
  if (!MODES.includes(mode)) throw new Error(`--mode must be one of ${MODES.join(', ')}, not "${mode}".`);
  const sandbox = await startMagentoFixture({ mode, port: options.port });
  try {
    const wsi = mode === 'wsi';
    out.write([
      `Magento sandbox shop (${wsi ? 'WS-I' : 'RPC/encoded'}) with ${sandbox.data.customers.length} customers and ${sandbox.data.orders.length} orders`,
      `  WSDL:     ${sandbox.wsdlUrl}`, `  API user: ${sandbox.apiUser}`, `  API key:  ${sandbox.apiKey}`, '',
    ].join('\n'));
    const flow = (await loadFlowFile(MAGENTO_DEMO_FLOW_FILE)) as Flow;
    const soap = flow.nodes.find((node) => node.type === 'magento.soap-transport');
    if (soap) soap.config = { ...soap.config, wsiMode: wsi };
    const environment = readEnvironment();
    const runtime = await openRuntime(environment);
    try {
      const run = await runFlow({
        flow, catalog: runtime.catalog, store: runtime.store, entities: runtime.entities, secrets: runtime.secrets,
        trigger: 'cli', full: options.full, onProgress: createProgressPrinter(process.stderr),
        env: { ...process.env, MAGENTO_WSDL_URL: sandbox.wsdlUrl, MAGENTO_API_KEY: sandbox.apiKey },
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      out.write(`${formatRunSummary(run)}Entities are in ${environment.dataDir}; try: tributary export person --channel ${flow.id}\n`);
      return { run, sandbox };
    } finally {
      await runtime.close();
    }
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}

/** Waits for Ctrl+C (or SIGTERM), then stops the sandbox. */
function serveUntilStopped(sandbox: MagentoFixture): Promise<void> {
  process.stdout.write(`The sandbox keeps running at ${sandbox.wsdlUrl}; stop it with Ctrl+C.\n`);
  return new Promise((resolve) => {
    const stop = () => void sandbox.close().then(resolve);
    process.once('SIGINT', stop).once('SIGTERM', stop);
  });
}

/** `tributary demo-magento [--serve] [--mode m] [--port n] [--full]`: the Magento channel against a local sandbox shop. */
export function registerDemoMagentoCommand(program: Command): void {
  program
    .command('demo-magento')
    .description('start a local sandbox Magento shop and run flows/magento-demo.flow.json against it once')
    .option('--serve', 'keep the sandbox shop running after the run (stop with Ctrl+C)')
    .option('--mode <mode>', 'sandbox wire format: rpc-php (like a real Magento), rpc or wsi', 'rpc-php')
    .option('--port <port>', 'port of the sandbox shop (default: a free one)', (value) => Number(value))
    .option('--full', 'forced full sync: ignore the cursors of earlier demo runs')
    .action(async (options: DemoMagentoOptions & { serve?: boolean }) => {
      const { run, sandbox } = await runDemoMagento(options, process.stdout);
      process.exitCode = RUN_EXIT_CODES[run.status as keyof typeof RUN_EXIT_CODES] ?? 1;
      if (options.serve) await serveUntilStopped(sandbox);
      else await sandbox.close();
    });
}
