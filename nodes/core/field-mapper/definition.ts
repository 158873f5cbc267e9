import type { ProcessContext } from '../../contract/context.ts';
import { defineNode } from '../../contract/define-node.ts';
import { compileMapper, type MapRecords } from './compile-mapper.ts';
import { fieldMapperConfigSchema, type FieldMapperConfig } from './config-schema.ts';
import { entityRegistryFor } from './registry.ts';

/** Compiled mappers by config object: a run validates its config once, so this compiles once per run. */
const compiled = new WeakMap<object, MapRecords>();

function mapperFor(ctx: ProcessContext<FieldMapperConfig>): MapRecords {
  let map = compiled.get(ctx.config);
  if (!map) {
    map = compileMapper(ctx.config, entityRegistryFor(ctx), ctx.nodeId);
    compiled.set(ctx.config, map);
  }
  return map;
}

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
