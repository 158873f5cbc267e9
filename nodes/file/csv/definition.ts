import { defineNode } from '../../contract/define-node.ts';
import { readFiles } from '../transport/read-files.ts';
import { fileSourceProperties, fileTransportInput } from '../transport/source-config.ts';
import { parseCsvFile } from './parse-csv.ts';

/**
 * `file.csv`: reads the CSV files matching a glob in the wired folder, streaming, one record per row.
 * Incremental: a file read to its end is skipped on later runs until its size or mtime changes.
 */
export const fileCsvNode = defineNode({
  type: 'file.csv',
  version: 1,
  category: 'connector',
  channelType: 'file',
  label: 'CSV files',
  description: 'Reads CSV files from a folder, row by row. Malformed rows are rejected with their line number.',
  config: {
    type: 'object',
    additionalProperties: false,
    required: ['glob'],
    properties: {
      ...fileSourceProperties,
      delimiter: { type: 'string', minLength: 1, default: ',', title: 'Delimiter' },
      quote: { type: 'string', maxLength: 1, default: '"', title: 'Quote', description: 'Empty turns quoting off.' },
      header: { type: 'boolean', default: true, title: 'First row is a header' },
      columns: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        title: 'Column names',
        description: 'Names for the columns; without a header row the default is col1, col2 ...',
      },
      encoding: { enum: ['utf8', 'latin1'], default: 'utf8', title: 'Encoding' },
      skipEmptyLines: { type: 'boolean', default: true, title: 'Skip empty lines' },
      trim: { type: 'boolean', default: false, title: 'Trim values' },
      includeSource: {
        type: 'boolean',
        default: false,
        title: 'Add _file and _line',
        description: 'Adds the file path and line number to every record.',
      },
    },
  },
  inputs: fileTransportInput,
  outputs: { records: { socket: 'records:json', label: 'Rows' } },
  read(ctx) {
    const options = { ...ctx.config, columns: ctx.config.columns ? [...ctx.config.columns] : undefined };
    return readFiles(ctx, (file) => parseCsvFile(file, options, (record, reason) => ctx.reject(record, reason), ctx.signal));
  },
});
