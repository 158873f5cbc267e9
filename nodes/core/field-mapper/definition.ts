import type { ProcessContext } from '../../contract/context.ts';
import { defineNode } from '../../contract/define-node.ts';
import { compilePerConfig } from '../../common/compile-per-config.ts';
import { compileMapper } from './compile-mapper.ts';
import { fieldMapperConfigSchema, type FieldMapperConfig } from './config-schema.ts';
import { entityRegistryFor } from './registry.ts';

/** The compiled mapper of a run's config. */
const mapperFor = compilePerConfig((ctx: ProcessContext<FieldMapperConfig>) => compileMapper(ctx.config, entityRegistryFor(ctx), ctx.nodeId));

/**
 * `core.field-mapper`: turns records into business entities of one type by declarative field rules
 * (source path, constant or template, then coercions). Records whose values cannot be coerced, that lack
 * an id, or whose entity fails the entity schema are rejected with the reason.
 */
export const fieldMapperNode = defineNode({
  type: 'core.field-mapper',
  version: 1,
  category: 'mapper',
  channelType: 'core',
  label: 'Field mapper',
  description: 'Maps record fields onto a business entity (person, product, order ...) with conversions.',
  config: fieldMapperConfigSchema,
  inputs: { records: { socket: 'records:*', label: 'Records', required: true } },
  outputs: { entities: { socket: 'entities:{entityType}', label: 'Entities' } },
  transform: (records, ctx) => mapperFor(ctx)(records, (record, reason) => ctx.reject(record, reason)),
});
