import type { SourceBatch } from '../../contract/batch.ts';
import type { ProcessContext } from '../../contract/context.ts';
import { readWindows, type ListRow } from '../sync/read-windows.ts';
import { withRegionCode } from '../sync/region-codes.ts';
import type { WindowCursor } from '../sync/window-cursor.ts';
import type { MagentoClient } from '../transport/magento-client.ts';
import { isMagentoFault } from '../transport/ports.ts';
import type { MagentoCustomer, MagentoCustomerAddress } from '../wire/records.ts';

/** The customer's addresses with region codes; undefined when the customer was deleted after the list call. */
async function addressesOf(client: MagentoClient, customerId: number): Promise<MagentoCustomerAddress[] | undefined> {
  let addresses: MagentoCustomerAddress[];
  try {
    addresses = await client.call<MagentoCustomerAddress[]>('customerAddressList', { customerId });
  } catch (error) {
    if (isMagentoFault(error, '101', '102')) return undefined;
    throw error;
  }
  const coded = await Promise.all(addresses.map((address) => withRegionCode(client, address)));
  return coded.filter((address): address is MagentoCustomerAddress => address !== undefined);
}

/**
 * Customers changed since the cursor (customerCustomerList by `updated_at` window and `customer_id`), each with its
 * addresses (customerAddressList). A customer deleted between the two calls is skipped.
 */
export function readCustomers(ctx: ProcessContext<unknown>): AsyncGenerator<SourceBatch<MagentoCustomer, WindowCursor>> {
  const client = ctx.transport<MagentoClient>();
  return readWindows<MagentoCustomer>(ctx, client, {
    listOperation: 'customerCustomerList',
    idField: 'customer_id',
    idOf: (row: ListRow) => Number(row.customer_id),
    async complete(row) {
      const addresses = await addressesOf(client, Number(row.customer_id));
      if (!addresses) ctx.log.info(`customer ${String(row.customer_id)} was deleted while it was read; skipped`);
      return addresses ? ({ ...row, addresses } as MagentoCustomer) : undefined;
    },
  });
}
