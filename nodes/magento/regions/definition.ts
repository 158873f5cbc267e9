import { defineNode } from '../../contract/define-node.ts';
import { ConfigError } from '../../contract/errors.ts';
import type { MagentoClient } from '../transport/magento-client.ts';
import { isMagentoFault, magentoTransportInput } from '../transport/ports.ts';
import type { MagentoRegion } from '../wire/records.ts';

/**
 * `magento.regions`: the regions (states, provinces …) of the configured countries (directoryRegionList), each with its
 * `country_id`, read in full on every run. A country without regions (GB) gives none.
 */
export const magentoRegionsNode = defineNode({
  type: 'magento.regions',
  version: 1,
  category: 'connector',
  channelType: 'magento',
  label: 'Magento regions',
  description: 'Reads the regions of the listed countries with directoryRegionList. Read in full each run.',
  config: {
    type: 'object',
    additionalProperties: false,
    required: ['countries'],
    properties: {
      countries: {
        type: 'array', minItems: 1, uniqueItems: true, title: 'Countries',
        description: 'ISO 3166-1 alpha-2 codes, for example ["US", "DE"].',
        items: { type: 'string', pattern: '^[A-Za-z]{2}$' },
      },
    },
  },
  phase: 10,
  inputs: magentoTransportInput,
  outputs: { records: { socket: 'records:magento.region', label: 'Regions' } },
  async *read(ctx) {
    const client = ctx.transport<MagentoClient>();
    for (const raw of ctx.config.countries) {
      const country = raw.toUpperCase();
      let regions: MagentoRegion[];
      try {
        regions = await client.call<MagentoRegion[]>('directoryRegionList', { country });
      } catch (error) {
        if (!isMagentoFault(error, '101')) throw error;
        throw new ConfigError(`node "${ctx.nodeId}": Magento does not know the country "${country}" (fault 101); fix config.countries.`, {
          nodeId: ctx.nodeId, field: 'countries',
        });
      }
      yield { records: regions.map((region) => ({ ...region, country_id: country })) };
    }
  },
});
