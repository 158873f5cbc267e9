import type { EntityInput } from '../../contract/batch.ts';
import type { ProcessContext } from '../../contract/context.ts';
import { MappingError } from './values.ts';

/**
 * Maps each record with `map`, sending the ones that throw a MappingError (or have no id) to the rejects with the
 * reason; the rest of the batch goes on. Other errors are bugs and fail the run.
 */
export function mapEach<R>(records: unknown[], ctx: ProcessContext<unknown>, map: (record: R) => EntityInput): EntityInput[] {
  const entities: EntityInput[] = [];
  for (const record of records) {
    try {
      entities.push(map(record as R));
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      ctx.reject(record, error.message);
    }
  }
  return entities;
}

/** The record's id as an origin id; throws MappingError when it has none. */
export function originIdOf(value: unknown, field: string): string {
  const id = value === undefined || value === null ? '' : String(value).trim();
  if (id === '') throw new MappingError(`the record has no ${field}`);
  return id;
}
