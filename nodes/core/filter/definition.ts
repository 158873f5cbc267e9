import type { ProcessContext } from '../../contract/context.ts';
import { defineNode } from '../../contract/define-node.ts';
import { compilePerConfig } from '../../common/compile-per-config.ts';
import { compileConditions } from './compile-conditions.ts';
import { filterConfigSchema, type FilterConfig } from './config-schema.ts';

/** The compiled conditions of a run's config. */
const predicateFor = compilePerConfig((ctx: ProcessContext<FilterConfig>) => compileConditions(ctx.config, ctx.nodeId));

/**
 * `core.filter`: splits records into `matched` and `unmatched` by declarative conditions (no code is
 * evaluated). Both outputs keep whatever record type came in.
 */
export const filterNode = defineNode({
  type: 'core.filter',
  version: 1,
  category: 'transform',
  channelType: 'core',
  label: 'Filter',
  description: 'Sends records that meet the conditions to "matched" and the others to "unmatched".',
  config: filterConfigSchema,
  inputs: { records: { socket: 'records:*', label: 'Records', required: true } },
  outputs: {
    matched: { socket: 'records:*', label: 'Matched' },
    unmatched: { socket: 'records:*', label: 'Unmatched' },
  },
  transform(records, ctx) {
    const predicate = predicateFor(ctx);
    const matched: unknown[] = [];
    const unmatched: unknown[] = [];
    for (const record of records) (predicate(record) ? matched : unmatched).push(record);
    return { matched, unmatched };
  },
});
