import type { ProcessContext } from '../../contract/context.ts';
import type { EntityTypes } from '../../contract/entity-types.ts';

/**
 * The entity types the field mapper validates against: the run's, so types and fields added in
 * `tributary.config.json` are known. The one place that decides it.
 */
export function entityRegistryFor(ctx: ProcessContext<unknown>): EntityTypes {
  return ctx.entityTypes;
}
