import { stat } from 'node:fs/promises';
import { isDynamicPattern } from 'tinyglobby';
import type { SourceBatch } from '../../contract/batch.ts';
import type { ProcessContext } from '../../contract/context.ts';
import { ConfigError, TributaryError, TransportError } from '../../contract/errors.ts';
import type { FileRoot } from './file-root.ts';
import type { FileCursor } from './source-config.ts';

/** One file a reader is about to parse. */
export interface SourceFile {
  /** Path relative to the base directory, with `/` separators: what rejects and state name. */
  path: string;
  /** Real absolute path to open. */
  absolutePath: string;
  size: number;
  mtimeMs: number;
}

/** Parses one file into chunks of records (any size); per-record problems go to `ctx.reject`. */
export type FileParser = (file: SourceFile) => AsyncIterable<unknown[]>;

/** The config every file reader has. */
export interface FileSourceConfig {
  glob: string;
  /** Overrides the flow's batch size (`ctx.batchSize`) for this reader. */
  batchSize?: number;
}

function previousFiles(ctx: ProcessContext<FileSourceConfig>): FileCursor['files'] {
  if (ctx.full) return {};
  const files = (ctx.state as Partial<FileCursor> | undefined)?.files;
  return typeof files === 'object' && files !== null ? files : {};
}

/** Wraps an I/O or parse failure so it names the node and the file. */
export function fileError(ctx: ProcessContext<unknown>, file: string, baseDir: string, cause: unknown): Error {
  if (cause instanceof TributaryError || ctx.signal.aborted) return cause as Error;
  const code = (cause as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'it does not exist (was it moved while the run started?)'
    : code === 'EACCES' ? 'the runtime may not read it; check its permissions' : (cause as Error).message;
  return new TransportError(`node "${ctx.nodeId}": cannot read file "${file}" in "${baseDir}": ${why}`, { nodeId: ctx.nodeId, cause });
}

async function listFiles(ctx: ProcessContext<FileSourceConfig>, root: FileRoot): Promise<string[]> {
  const { glob } = ctx.config;
  const paths = await root.glob(glob, { nodeId: ctx.nodeId, field: 'glob' });
  if (paths.length === 0 && !isDynamicPattern(glob)) {
    throw new ConfigError(`node "${ctx.nodeId}": file "${glob}" does not exist in "${root.baseDir}"; check config.glob.`, {
      nodeId: ctx.nodeId,
      field: 'glob',
    });
  }
  if (paths.length === 0) ctx.log.warn(`no file in "${root.baseDir}" matches "${glob}"`);
  return paths;
}

/**
 * The incremental model every file reader shares. Lists the files matching `config.glob` in sorted order,
 * skips those already read to their end (same size and mtime in `ctx.state`, unless `ctx.full`), and
 * yields each file's records in batches of `config.batchSize` (else the flow's batch size); the last batch of a file carries the cursor
 * `{ files: { [path]: { size, mtimeMs } } }`, so a file counts as read only once all its records are stored.
 */
export async function* readFiles(ctx: ProcessContext<FileSourceConfig>, parse: FileParser): AsyncGenerator<SourceBatch<unknown, FileCursor>> {
  const root = ctx.transport<FileRoot>('transport');
  const paths = await listFiles(ctx, root);
  const before = previousFiles(ctx);
  const files: FileCursor['files'] = {};
  for (const relative of paths) if (before[relative]) files[relative] = before[relative];
  const batchSize = ctx.config.batchSize ?? ctx.batchSize;

  for (const relative of paths) {
    const absolutePath = await root.resolve(relative, { nodeId: ctx.nodeId, field: 'glob' });
    const info = await stat(absolutePath).catch((cause: unknown) => { throw fileError(ctx, relative, root.baseDir, cause); });
    const seen = before[relative];
    if (seen && seen.size === info.size && seen.mtimeMs === info.mtimeMs) {
      ctx.log.debug(`skipping "${relative}": read before and unchanged`);
      continue;
    }
    let batch: unknown[] = [];
    try {
      for await (const chunk of parse({ path: relative, absolutePath, size: info.size, mtimeMs: info.mtimeMs })) {
        for (const record of chunk) {
          batch.push(record);
          if (batch.length === batchSize) {
            yield { records: batch };
            batch = [];
          }
        }
      }
    } catch (cause) {
      throw fileError(ctx, relative, root.baseDir, cause);
    }
    files[relative] = { size: info.size, mtimeMs: info.mtimeMs };
    yield { records: batch, state: { files: { ...files } } };
  }
}
