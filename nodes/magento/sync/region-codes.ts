import { TransportError } from '../../contract/errors.ts';
import type { MagentoClient } from '../transport/magento-client.ts';
import type { MagentoAddress } from '../wire/records.ts';

interface RegionRow {
  region_id?: string;
  code?: string;
}

/** region_id → region code of a country (directoryRegionList, once per session); empty for an unknown country. */
function regionCodes(client: MagentoClient, country: string): Promise<Map<string, string>> {
  return client.cached(`regions:${country}`, async () => {
    try {
      const regions = await client.call<RegionRow[]>('directoryRegionList', { country });
      return new Map(regions.filter((r) => r.region_id && r.code).map((r) => [String(r.region_id), String(r.code)]));
    } catch (error) {
      if (error instanceof TransportError && error.status === '101') return new Map<string, string>();
      throw error;
    }
  });
}

/**
 * The address with `region_code` added: the code of its `region_id` in Magento's directory (addresses carry only the
 * region's id and name). Addresses without a region id or country come back as they are.
 */
export async function withRegionCode<A extends MagentoAddress>(client: MagentoClient, address: A | undefined): Promise<A | undefined> {
  if (!address || address.region_id === undefined || address.region_id === '' || !address.country_id) return address;
  const codes = await regionCodes(client, String(address.country_id).toUpperCase());
  const code = codes.get(String(address.region_id));
  return code === undefined ? address : { ...address, region_code: code };
}
