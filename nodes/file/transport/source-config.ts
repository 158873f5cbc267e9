/**
 * Config fields every file reader shares (`file.csv`, `file.jsonl`, `file.json`). Spread into a reader's
 * schema so the editor form and the inferred config type stay one definition.
 */
export const fileSourceProperties = {
  glob: {
    type: 'string',
    minLength: 1,
    title: 'Files',
    description: 'Glob of the files to read, relative to the folder, for example "contacts/*.csv".',
  },
  batchSize: {
    type: 'integer',
    minimum: 1,
    maximum: 100000,
    title: 'Batch size',
    description: 'Records per batch handed to the next node; default: the flow\'s batch size (500).',
  },
} as const;

/** The input port every file reader has: the folder it reads from. */
export const fileTransportInput = {
  transport: { socket: 'transport:file', label: 'Folder', required: true },
} as const;

/** Cursor of a file reader: the size and modification time of each file read to its end. */
export interface FileCursor {
  files: Record<string, { size: number; mtimeMs: number }>;
}
