import type { BenchOptions } from './contacts-bench.ts';

/** A benchmark suite: `npm run bench -- <suite> --records N`. */
type Suite = { run(options: BenchOptions): Promise<void> };

const SUITES: Record<string, () => Promise<Suite>> = {
  contacts: () => import('./contacts-bench.ts'),
  magento: () => import('./magento-bench.ts' as string) as Promise<Suite>,
  rest: () => import('./rest-bench.ts' as string) as Promise<Suite>,
  sql: () => import('./sql-bench.ts' as string) as Promise<Suite>,
  editor: async () => {
    const { runEditorBench } = await import('./editor-bench.ts');
    return { run: async () => void (await runEditorBench()) };
  },
};

function parseArguments(argv: string[]): { suite: string; records?: number } {
  let suite = 'contacts';
  let records: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--records') records = Number(argv[++i]);
    else if (argv[i].startsWith('--records=')) records = Number(argv[i].slice('--records='.length));
    else suite = argv[i];
  }
  if (records !== undefined && (!Number.isInteger(records) || records <= 0)) throw new Error('--records must be a positive integer');
  return { suite, records };
}

const { suite, records } = parseArguments(process.argv.slice(2));
const load = SUITES[suite];
if (!load) {
  process.stderr.write(`Unknown benchmark "${suite}". Choose one of: ${Object.keys(SUITES).join(', ')}.\n`);
  process.exit(1);
}
await (await load()).run({ records: records ?? (suite === 'magento' ? 20_000 : 200_000) });
