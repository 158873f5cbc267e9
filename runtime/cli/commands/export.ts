import type { Command } from 'commander';
import { readEnvironment } from '../../config/environment.ts';
import type { EntityRecord } from '../../store/types.ts';
import { openRuntime } from '../open-runtime.ts';
import { csvLine } from '../csv-line.ts';

const RECORD_COLUMNS = ['type', 'channel', 'originId', 'hash', 'firstSeenAt', 'updatedAt', 'runId'] as const;

/** `tributary export <type>`: normalized entities to stdout, as JSON lines or CSV. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('print normalized entities of one type (JSON lines or CSV)')
    .argument('<type>', 'entity type, for example person')
    .option('--channel <id>', 'only this channel (flow id)')
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .action(async (type: string, options: { channel?: string; format: string }) => {
      if (options.format !== 'jsonl' && options.format !== 'csv') {
        throw new Error(`--format must be jsonl or csv, not "${options.format}".`);
      }
      const runtime = await openRuntime(readEnvironment());
      try {
        const info = runtime.entities.get(type);
        if (!info) {
          const known = runtime.entities.list().map((entity) => entity.type).join(', ');
          throw new Error(`Unknown entity type "${type}". Known types: ${known}.`);
        }
        const dataColumns = Object.keys(info.schema.properties ?? {});
        if (options.format === 'csv') await write(csvLine([...RECORD_COLUMNS, ...dataColumns.map((c) => `data.${c}`)]));
        for await (const record of runtime.store.exportEntities(type, options.channel)) {
          await write(options.format === 'csv' ? csvLine(csvRow(record, dataColumns)) : `${JSON.stringify(record)}\n`);
        }
      } finally {
        await runtime.close();
      }
    });
}

function csvRow(record: EntityRecord, dataColumns: string[]): string[] {
  const values = RECORD_COLUMNS.map((column) => String(record[column]));
  for (const column of dataColumns) {
    const value = record.data[column];
    values.push(value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return values;
}

/** Writes to stdout, waiting when the pipe is full. */
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve).once('error', reject);
  });
}
