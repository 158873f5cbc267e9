import { readFile } from 'node:fs/promises';
import { defineNode } from 'tributary/contract';
import type { __PASCAL__Client } from '../__FILE__.ts';

/** Serves `records.json` (beside this file) two records a page, as the real __CHANNEL__ transport would serve its API. */
export function fixtureClient(records: Record<string, unknown>[], pageSize = 2): __PASCAL__Client {
  return {
    async list(_resource, { since, page }) {
      const changed = records.filter((record) => since === undefined || String(record.updatedAt) > since);
      const slice = changed.slice((page - 1) * pageSize, page * pageSize);
      return { records: slice, next: page * pageSize < changed.length ? page + 1 : undefined };
    },
  };
}

/** `__CHANNEL__.fixture-transport`: a stand-in transport for the fixture flow; never published. */
export default defineNode({
  type: '__CHANNEL__.fixture-transport',
  version: 1,
  category: 'transport',
  channelType: '__CHANNEL__',
  label: 'Fixture transport',
  description: 'Serves fixtures/records.json.',
  config: { type: 'object', additionalProperties: false, properties: {} },
  outputs: { transport: { socket: 'transport:__CHANNEL__' } },
  async open() {
    return fixtureClient(JSON.parse(await readFile(new URL('./records.json', import.meta.url), 'utf8')) as Record<string, unknown>[]);
  },
});
