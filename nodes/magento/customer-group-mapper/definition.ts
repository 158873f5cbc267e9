import type { EntityInput } from '../../contract/batch.ts';
import { defineNode } from '../../contract/define-node.ts';
import type { PersonGroup } from '../../entities/person-group.ts';
import { mapEach, originIdOf } from '../mapping/map-each.ts';
import { mapperPorts } from '../mapping/ports.ts';
import { MappingError, text } from '../mapping/values.ts';
import type { MagentoCustomerGroup } from '../wire/records.ts';

/** A customer group as a person group named by its code; the origin id is `customer_group_id` (persons' `groupIds`). */
export function mapCustomerGroup(group: MagentoCustomerGroup): EntityInput<PersonGroup> {
  const name = text(group.customer_group_code);
  if (!name) throw new MappingError('the customer group has no customer_group_code');
  return { type: 'personGroup', originId: originIdOf(group.customer_group_id, 'customer_group_id'), data: { name } };
}

/** `magento.customer-group-mapper`: Magento customer groups → person groups. */
export const magentoCustomerGroupMapperNode = defineNode({
  type: 'magento.customer-group-mapper',
  version: 1,
  category: 'mapper',
  channelType: 'magento',
  label: 'Magento customer group → person group',
  description: 'Maps Magento customer groups to person groups, keyed by customer_group_id.',
  config: { type: 'object', additionalProperties: false, properties: {} },
  ...mapperPorts('customer-group', 'personGroup', 'Customer groups'),
  transform: (records, ctx) => mapEach(records, ctx, mapCustomerGroup),
});
