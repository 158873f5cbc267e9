import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A sandbox shop (the Magento fixture) running in its own process. */
export interface MagentoSandbox {
  wsdlUrl: string;
  apiKey: string;
  stop(): Promise<void>;
}

const SERVE = fileURLToPath(new URL('../test/fixtures/magento/serve.ts', import.meta.url));

/**
 * Starts the Magento fixture with a scaled dataset (`records` customers and as many orders) in a child process, so
 * the shop's own CPU time is not charged to the process being measured, and resolves once it listens.
 */
export function startMagentoSandbox(records: number, mode = 'rpc-php'): Promise<MagentoSandbox> {
  const child: ChildProcess = spawn(process.execPath, [
    '--import', 'tsx', SERVE, '--mode', mode, '--customers', String(records), '--orders', String(records), '--json',
  ], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the Magento sandbox exited with ${code} before it listened`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((text) => text.startsWith('{'));
      if (!line) return;
      const { wsdlUrl, apiKey } = JSON.parse(line) as { wsdlUrl: string; apiKey: string };
      child.removeAllListeners('exit');
      resolve({
        wsdlUrl, apiKey,
        stop: () => new Promise((done) => {
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
      });
    });
  });
}
