import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import Parser from 'stream-json/Parser.js';
import Pick from 'stream-json/filters/Pick.js';
import StreamArray from 'stream-json/streamers/StreamArray.js';
import type { Logger } from '../../contract/logger.ts';
import type { SourceFile } from '../transport/read-files.ts';

/** Where an array item that is not an object goes: the file, its index, and the value. */
export type JsonRejectSink = (record: { file: string; index: number; value: unknown }, reason: string) => void;

const CHUNK = 256;

function pipelineFor(file: SourceFile, path: string | undefined, signal: AbortSignal): Readable {
  const source = createReadStream(file.absolutePath, { signal, highWaterMark: 256 * 1024 });
  const done = (): undefined => undefined;
  // pipeline tears every stage down on an error or an early exit; the error surfaces in the caller's loop.
  return path
    ? pipeline(source, Parser.parser(), Pick.pick({ filter: path }), StreamArray.streamArray(), done)
    : pipeline(source, Parser.parser(), StreamArray.streamArray(), done);
}

/**
 * Streams the array of a JSON file, item by item, with stream-json: the file is never held whole. `path`
 * (dotted, for example `data.items`) picks an array inside the document; without it the document must be
 * an array. A malformed document stops the read with the parser's message.
 */
export async function* parseJsonArrayFile(
  file: SourceFile,
  path: string | undefined,
  reject: JsonRejectSink,
  log: Logger,
  signal: AbortSignal,
): AsyncGenerator<unknown[]> {
  let chunk: unknown[] = [];
  let count = 0;
  try {
    for await (const { key, value } of pipelineFor(file, path, signal) as AsyncIterable<{ key: number; value: unknown }>) {
      count++;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) chunk.push(value);
      else reject({ file: file.path, index: key, value }, `item ${key} of the array is not a JSON object`);
      if (chunk.length === CHUNK) {
        yield chunk;
        chunk = [];
      }
    }
  } catch (error) {
    throw new Error(explain(error as Error, path), { cause: error });
  }
  if (count === 0 && path) log.warn(`"${file.path}" has no items at "${path}" (missing or empty array)`);
  yield chunk;
}

function explain(error: Error, path: string | undefined): string {
  if (!/Top-level object should be an array/.test(error.message)) return `malformed JSON: ${error.message}`;
  return path ? `the value at "${path}" is not an array` : 'the document is not a JSON array; set config.path to the array inside it';
}
