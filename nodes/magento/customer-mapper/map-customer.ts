import type { EntityInput } from '../../contract/batch.ts';
import type { Address } from '../../entities/address.ts';
import type { Person } from '../../entities/person.ts';
import { mapAddress } from '../mapping/address.ts';
import { originIdOf } from '../mapping/map-each.ts';
import { compact, email, isoDate, isoTime, text } from '../mapping/values.ts';
import type { MagentoCustomer, MagentoCustomerAddress } from '../wire/records.ts';

const GENDERS: Record<string, Person['gender']> = { 1: 'male', 2: 'female', 3: 'other' };

/**
 * The primary address: the default billing one, else the default shipping one; a customer without default
 * addresses has none.
 */
function primaryOf(addresses: readonly MagentoCustomerAddress[]): MagentoCustomerAddress | undefined {
  return addresses.find((a) => a.is_default_billing) ?? addresses.find((a) => a.is_default_shipping);
}

function mapAddresses(addresses: readonly MagentoCustomerAddress[]): Address[] {
  const primary = primaryOf(addresses);
  return addresses.flatMap((address) => {
    const types = [
      ...(address.is_default_billing ? (['billing'] as const) : []),
      ...(address.is_default_shipping ? (['shipping'] as const) : []),
    ];
    const mapped = mapAddress(address, { types, primary: address === primary });
    return mapped ? [mapped] : [];
  });
}

/** Telephone numbers of the addresses, the primary address's first, each once. */
function phonesOf(addresses: readonly MagentoCustomerAddress[]): string[] {
  const primary = primaryOf(addresses);
  const ordered = primary ? [primary, ...addresses.filter((a) => a !== primary)] : addresses;
  return [...new Set(ordered.map((a) => text(a.telephone)).filter((phone): phone is string => phone !== undefined))];
}

/**
 * A Magento customer as a person: names trimmed (unicode kept), e-mail trimmed and lower-cased, dob as birthday,
 * gender when the shop sends it, addresses typed billing/shipping from the default flags, and the customer group
 * as `groupIds`. The origin id is `customer_id`.
 */
export function mapCustomer(customer: MagentoCustomer): EntityInput<Person> {
  const addresses = Array.isArray(customer.addresses) ? customer.addresses : [];
  const data = compact<Person>({
    namePrefix: text(customer.prefix), firstName: text(customer.firstname), middleName: text(customer.middlename),
    lastName: text(customer.lastname), nameSuffix: text(customer.suffix),
    gender: GENDERS[String(customer.gender ?? '')], birthday: isoDate(customer.dob), email: email(customer.email),
    phones: phonesOf(addresses), addresses: mapAddresses(addresses),
    groupIds: customer.group_id === undefined ? undefined : [String(customer.group_id)],
    createdAt: isoTime(customer.created_at), updatedAt: isoTime(customer.updated_at),
  });
  return { type: 'person', originId: originIdOf(customer.customer_id, 'customer_id'), data };
}
