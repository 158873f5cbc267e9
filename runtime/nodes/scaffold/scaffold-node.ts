import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../../nodes/contract/errors.ts';
import { fillPlaceholders, nodeNames } from './node-names.ts';

/** The categories `tributary new-node` can scaffold. */
export const SCAFFOLD_CATEGORIES = ['connector', 'mapper', 'transport', 'transform'] as const;

/** A category `tributary new-node` can scaffold. */
export type ScaffoldCategory = (typeof SCAFFOLD_CATEGORIES)[number];

/** Options of `scaffoldNode`. */
export interface ScaffoldOptions {
  /** `<channelType>.<name>`, for example `acme.orders`. */
  type: string;
  category: ScaffoldCategory;
  /** Target folder; default `<cwd>/nodes-custom/<channelType>-<name>`. */
  dir?: string;
  /** Base of the default folder and of a relative `dir` (default the working directory). */
  cwd?: string;
}

/** What a scaffold wrote. */
export interface ScaffoldResult {
  type: string;
  dir: string;
  /** The definition's file, relative to `dir`: what TRIBUTARY_NODE_PATHS or a package lists. */
  module: string;
  /** Paths relative to `dir`. */
  files: string[];
}

const TEMPLATES = new URL('./templates/', import.meta.url);

/** Template file → output path (`@` is the node's file name), per category. */
function manifest(category: ScaffoldCategory): [string, string][] {
  const shared: [string, string][] = [
    ['shared/README.md.tpl', 'README.md'],
    ['shared/run-fixture-flow.ts.tpl', 'fixtures/run-fixture-flow.ts'],
    ['shared/expected-entities.json', 'fixtures/expected-entities.json'],
    [`${category}/node.ts.tpl`, '@.ts'],
    [`${category}/node.test.ts.tpl`, '@.test.ts'],
    [`${category}/flow.json.tpl`, 'fixtures/flow.json'],
  ];
  const extra: Record<ScaffoldCategory, [string, string][]> = {
    connector: [['shared/records.json', 'fixtures/records.json'], ['connector/fixture-transport.ts.tpl', 'fixtures/fixture-transport.ts']],
    transport: [['shared/records.json', 'fixtures/records.json'], ['transport/fixture-connector.ts.tpl', 'fixtures/fixture-connector.ts']],
    mapper: [['shared/records.jsonl', 'fixtures/records.jsonl']],
    transform: [['shared/records.jsonl', 'fixtures/records.jsonl']],
  };
  return [...shared, ...extra[category]];
}

/**
 * Creates a node type folder: the definition (one file, importing `tributary/contract`), a vitest test that
 * runs it through `tributary/testing` and runs a fixture flow with the real runtime, the fixture flow with
 * its input and expected entities, and a README. Refuses a folder that already has files in it.
 * @example await scaffoldNode({ type: 'acme.orders', category: 'connector' }) // { dir: './nodes-custom/acme-orders', ... }
 */
export async function scaffoldNode(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const names = nodeNames(options.type);
  if (!SCAFFOLD_CATEGORIES.includes(options.category)) {
    throw new ConfigError(`--category must be one of ${SCAFFOLD_CATEGORIES.join(', ')}, not "${options.category}".`);
  }
  const cwd = options.cwd ?? process.cwd();
  const dir = path.resolve(cwd, options.dir ?? path.join('nodes-custom', names.file));
  if (existsSync(dir) && (await readdir(dir)).length > 0) {
    throw new ConfigError(`${dir} already exists and is not empty; choose another --dir or remove it.`);
  }
  const files: string[] = [];
  for (const [template, target] of manifest(options.category)) {
    const relative = target.replace('@', names.file);
    const text = await readFile(new URL(template, TEMPLATES), 'utf8');
    await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await writeFile(path.join(dir, relative), fillPlaceholders(text, names, options.category));
    files.push(relative);
  }
  return { type: names.type, dir, module: `${names.file}.ts`, files };
}
