import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileAtomic } from '../flows/atomic-write.ts';

/**
 * A lowdb adapter for a JSON file only its owner may read (mode 0600), written atomically with fsync.
 * @example const db = new Low(new PrivateJsonFile<Doc>('data/secrets.json'), { secrets: {} });
 */
export class PrivateJsonFile<T> implements Adapter<T> {
  constructor(private readonly file: string) {}

  /** The parsed document, or null when the file does not exist yet. */
  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Replaces the file with `data`. */
  async write(data: T): Promise<void> {
    await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  }
}
