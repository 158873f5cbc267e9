import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDemoMagentoCommand, runDemoMagento } from '../../../runtime/cli/commands/demo-magento.ts';
import { loadSampleMeta } from '../../fixtures/magento/index.ts';

const meta = loadSampleMeta();
let dataDir: string;
const previous = process.env.TRIBUTARY_DATA_DIR;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'tributary-demo-'));
  process.env.TRIBUTARY_DATA_DIR = dataDir;
});
afterAll(() => {
  if (previous === undefined) delete process.env.TRIBUTARY_DATA_DIR;
  else process.env.TRIBUTARY_DATA_DIR = previous;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('tributary demo-magento', () => {
  it('starts the sandbox shop, prints how to reach it, and runs the demo flow once into the data directory', async () => {
    const out = new PassThrough();
    let printed = '';
    out.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const { run, sandbox } = await runDemoMagento({ mode: 'wsi' }, out);
    await sandbox.close();
    expect(printed).toContain(`WSDL:     ${sandbox.wsdlUrl}`);
    expect(printed).toContain('API user: oro');
    expect(printed).toContain(`API key:  ${sandbox.apiKey}`);
    expect(printed).toMatch(/Run .* of flow "magento-demo": succeeded/);
    expect(run.status).toBe('succeeded');
    const { counts } = meta;
    expect(run.entities.added).toBe(counts.customers + counts.customer_groups + counts.products + counts.orders + counts.carts);
  });

  it('registers the command with its options', () => {
    const program = new Command('tributary');
    registerDemoMagentoCommand(program);
    const command = program.commands.find((c) => c.name() === 'demo-magento');
    expect(command?.options.map((option) => option.long)).toEqual(['--serve', '--mode', '--port', '--full']);
  });
});
