import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { defineNode } from '../../contract/define-node.ts';
import { openFileRoot, type FileRoot } from './file-root.ts';

/**
 * `file.transport`: a folder on the machine the runtime runs on. Its resource is a `FileRoot` that file
 * connectors (`file.csv`, `file.jsonl`, `file.json`) read through; it refuses any path outside the folder.
 */
export const fileTransportNode = defineNode({
  type: 'file.transport',
  version: 1,
  category: 'transport',
  channelType: 'file',
  label: 'Folder',
  description: 'A folder of files on the runtime machine. File readers wired to it can only read inside it.',
  config: {
    type: 'object',
    additionalProperties: false,
    required: ['baseDir'],
    properties: {
      baseDir: {
        type: 'string',
        minLength: 1,
        title: 'Base directory',
        description: 'Folder the files live in; a relative path resolves against the runtime\'s working directory.',
      },
    },
  },
  outputs: { transport: { socket: 'transport:file', label: 'Folder' } },
  open: (ctx): Promise<FileRoot> => openFileRoot(ctx.config.baseDir, ctx.nodeId),
  close: async () => undefined,
  async check(ctx) {
    const absolute = path.resolve(process.cwd(), ctx.config.baseDir);
    try {
      if (!(await stat(absolute)).isDirectory()) {
        return { ok: false, message: `${absolute} exists but is not a folder; point baseDir at a folder.` };
      }
      await access(absolute, constants.R_OK | constants.X_OK);
      return { ok: true, message: `The folder ${absolute} exists and is readable.`, details: { path: absolute } };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable by the runtime' : `cannot be read (${code})`;
      return { ok: false, message: `The folder ${absolute} ${why}; check baseDir and the folder's permissions.`, details: { path: absolute } };
    }
  },
});
