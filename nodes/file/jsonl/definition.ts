import { defineNode } from '../../contract/define-node.ts';
import { readFiles } from '../transport/read-files.ts';
import { fileSourceProperties, fileTransportInput } from '../transport/source-config.ts';
import { parseJsonlFile } from './parse-jsonl.ts';

/**
 * `file.jsonl`: reads JSON Lines files (one JSON object per line) matching a glob in the wired folder,
 * streaming. A malformed line is rejected with its number. Incremental like every file reader.
 */
export const fileJsonlNode = defineNode({
  type: 'file.jsonl',
  version: 1,
  category: 'connector',
  channelType: 'file',
  label: 'JSON Lines files',
  description: 'Reads JSON Lines files from a folder, one object per line. Malformed lines are rejected.',
  config: {
    type: 'object',
    additionalProperties: false,
    required: ['glob'],
    properties: { ...fileSourceProperties },
  },
  inputs: fileTransportInput,
  outputs: { records: { socket: 'records:json', label: 'Objects' } },
  read: (ctx) => readFiles(ctx, (file) => parseJsonlFile(file, (record, reason) => ctx.reject(record, reason), ctx.signal)),
});
