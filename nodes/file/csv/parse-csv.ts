import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { CsvError, parse, type Options } from 'csv-parse';
import iconv from 'iconv-lite';
import type { SourceFile } from '../transport/read-files.ts';

/** How to read a CSV file; mirrors the `file.csv` config. */
export interface CsvReadOptions {
  delimiter: string;
  quote: string;
  header: boolean;
  columns?: string[];
  encoding: 'utf8' | 'latin1';
  skipEmptyLines: boolean;
  trim: boolean;
  includeSource: boolean;
}

/** Where a malformed row goes: the file, its first line, the raw text, and csv-parse's reason. */
export type CsvRejectSink = (record: { file: string; line: number; raw: string }, reason: string) => void;

/** A record larger than this is almost surely an unclosed quote swallowing the file: the read stops. */
const MAX_RECORD_BYTES = 8 * 1024 * 1024;
const RAW_SHOWN = 2000;
const CHUNK = 256;

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < text.length - 1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** The line a record starts on: csv-parse reports the line it ended on. */
function startLine(endLine: number, raw: string | undefined): number {
  return raw ? endLine - countNewlines(raw) : endLine;
}

function parserOptions(options: CsvReadOptions, onSkip: (error: CsvError | undefined, raw: string | undefined) => undefined): Options {
  const columns: Options['columns'] = options.header
    ? (options.columns ? () => options.columns as string[] : true)
    : (options.columns ?? false);
  return {
    delimiter: options.delimiter,
    quote: options.quote === '' ? false : options.quote,
    columns,
    bom: true,
    skip_empty_lines: options.skipEmptyLines,
    trim: options.trim,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
    info: options.includeSource,
    raw: true,
    on_skip: onSkip,
  };
}

/** csv-parse may report one bad row several times while it skips it; rejects are merged by start line. */
function createSkipCollector(file: string, reject: CsvRejectSink) {
  let pending: { line: number; raw: string; reason: string } | undefined;
  let fatal: Error | undefined;
  const flush = (): void => {
    if (pending) reject({ file, line: pending.line, raw: pending.raw.slice(0, RAW_SHOWN) }, `line ${pending.line}: ${pending.reason}`);
    pending = undefined;
  };
  const onSkip = (error: CsvError | undefined, raw: string | undefined): undefined => {
    if (!error) return;
    if (error.code === 'CSV_MAX_RECORD_SIZE') {
      fatal = new Error(`a record at line ${error.lines} is larger than ${MAX_RECORD_BYTES} bytes; is a quote left open?`);
      return;
    }
    const line = startLine(Number(error.lines), raw);
    if (pending?.line === line) pending.raw = raw ?? pending.raw;
    else {
      flush();
      pending = { line, raw: raw ?? '', reason: error.message };
    }
  };
  return { onSkip, flush, fatal: () => fatal };
}

function toRecord(row: unknown, options: CsvReadOptions, file: string): unknown {
  const entry = row as { record: unknown; raw: string; info?: { lines: number } };
  let record = entry.record;
  if (Array.isArray(record)) {
    const named: Record<string, unknown> = {};
    record.forEach((value, i) => { named[`col${i + 1}`] = value; });
    record = named;
  }
  if (options.includeSource && entry.info) {
    return { ...(record as object), _file: file, _line: startLine(entry.info.lines, entry.raw) };
  }
  return record;
}

/**
 * Streams one CSV file: decodes it (UTF-8 with or without BOM, or Latin-1), parses it with csv-parse, and
 * yields chunks of records. A malformed row (open quote, wrong column count) is rejected with its line and
 * raw text; the rows after it are still read.
 */
export async function* parseCsvFile(
  file: SourceFile,
  options: CsvReadOptions,
  reject: CsvRejectSink,
  signal: AbortSignal,
): AsyncGenerator<unknown[]> {
  const skips = createSkipCollector(file.path, reject);
  // pipeline tears every stage down on an error or an early exit; the error surfaces in the loop below.
  const rows = pipeline(
    createReadStream(file.absolutePath, { signal, highWaterMark: 256 * 1024 }),
    iconv.decodeStream(options.encoding),
    parse(parserOptions(options, skips.onSkip)),
    () => undefined,
  );
  let chunk: unknown[] = [];
  for await (const row of rows) {
    const fatal = skips.fatal();
    if (fatal) {
      rows.destroy();
      throw fatal;
    }
    chunk.push(toRecord(row, options, file.path));
    if (chunk.length === CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  skips.flush();
  const fatal = skips.fatal();
  if (fatal) throw fatal;
  yield chunk;
}
