import { defineNode } from '../../contract/define-node.ts';
import { readFiles } from '../transport/read-files.ts';
import { fileSourceProperties, fileTransportInput } from '../transport/source-config.ts';
import { parseJsonArrayFile } from './parse-json-array.ts';

/**
 * `file.json`: reads JSON files whose records are an array (the whole document, or the array at `path`),
 * streamed item by item so large files never sit in memory. Incremental like every file reader.
 */
export const fileJsonNode = defineNode({
  type: 'file.json',
  version: 1,
  category: 'connector',
  channelType: 'file',
  label: 'JSON files',
  description: 'Reads the objects of a JSON array (or of an array inside the document) from files in a folder.',
  config: {
    type: 'object',
    additionalProperties: false,
    required: ['glob'],
    properties: {
      ...fileSourceProperties,
      path: {
        type: 'string',
        pattern: '^[^.]+(\\.[^.]+)*$',
        title: 'Array path',
        description: 'Dotted path of the array inside the document, for example "data.items"; empty for a top-level array.',
      },
    },
  },
  inputs: fileTransportInput,
  outputs: { records: { socket: 'records:json', label: 'Objects' } },
  read(ctx) {
    const reject = (record: unknown, reason: string) => ctx.reject(record, reason);
    return readFiles(ctx, (file) => parseJsonArrayFile(file, ctx.config.path, reject, ctx.log, ctx.signal));
  },
});
