import type { Address } from '../../entities/address.ts';
import type { MagentoAddress } from '../wire/records.ts';
import { compact, countryCode, text } from './values.ts';

/** How an address is used: billing and/or shipping, and whether it is the person's primary one. */
export interface AddressRole {
  types?: Array<'billing' | 'shipping'>;
  primary?: boolean;
}

/**
 * A Magento address (customer, order or cart) as an entity address. Magento keeps the street as one "\n"-joined
 * string: the first line becomes `street`, the others `street2`. `region` is the region code the connector looked up
 * (`region_code`); without one, the region's name goes to `regionText`. Returns undefined for an empty address.
 */
export function mapAddress(address: MagentoAddress | undefined, role: AddressRole = {}): Address | undefined {
  if (!address) return undefined;
  const lines = String(address.street ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const names = compact({
    namePrefix: text(address.prefix), firstName: text(address.firstname), middleName: text(address.middlename),
    lastName: text(address.lastname), nameSuffix: text(address.suffix),
  });
  const region = text(address.region_code);
  const mapped = compact({
    street: lines[0], street2: lines.length > 1 ? lines.slice(1).join('\n') : undefined,
    city: text(address.city), postalCode: text(address.postcode), country: countryCode(address.country_id),
    region, regionText: region ? undefined : text(address.region), organization: text(address.company),
    names, phone: text(address.telephone),
  });
  if (Object.keys(mapped).length === 0) return undefined;
  return compact({ ...mapped, types: role.types, primary: role.primary });
}
