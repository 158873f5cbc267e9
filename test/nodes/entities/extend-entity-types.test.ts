import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../nodes/contract/errors.ts';
import { createEntityRegistry, extendEntityTypes, type EntityExtensions, type EntityTypeDeclaration } from '../../../nodes/entities/extend-entity-types.ts';
import { BUILT_IN_ENTITY_TYPES, EntityRegistry } from '../../../nodes/entities/registry.ts';

const loyalty = { extend: { person: { loyaltyTier: { enum: ['bronze', 'silver', 'gold'] } } } };
const subscriptionType: EntityTypeDeclaration = {
  label: 'Subscriptions',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['email', 'plan'],
    properties: { email: { type: 'string', format: 'email' }, plan: { type: 'string' }, startedOn: { type: 'string', format: 'date' } },
  },
  searchFields: ['email', 'plan'],
};
const subscription = { types: { subscription: subscriptionType } };

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('createEntityRegistry', () => {
  it('gives a built-in type an extra optional field, validated by its schema', () => {
    const registry = createEntityRegistry(loyalty);
    expect(registry.check('person', { lastName: 'Lovelace', loyaltyTier: 'gold' })).toBeUndefined();
    expect(registry.check('person', { lastName: 'Lovelace' })).toBeUndefined();
    expect(registry.check('person', { loyaltyTier: 'platinum' })).toMatch(/person.loyaltyTier must be equal to one of the allowed values/);
    expect(registry.get('person')).toMatchObject({ extended: true, searchFields: ['firstName', 'lastName', 'email'] });
    expect(new EntityRegistry().check('person', { loyaltyTier: 'gold' })).toMatch(/must NOT have additional properties \(loyaltyTier\)/);
  });

  it('leaves the built-in schemas and registry as they were', () => {
    createEntityRegistry(loyalty);
    const person = BUILT_IN_ENTITY_TYPES.find((info) => info.type === 'person');
    expect(Object.keys(person?.schema.properties ?? {})).not.toContain('loyaltyTier');
    expect(createEntityRegistry().list().map((info) => info.type)).toEqual(BUILT_IN_ENTITY_TYPES.map((info) => info.type));
  });

  it('extends an embedded type where it is embedded: address fields reach persons, orders and carts', () => {
    const registry = createEntityRegistry({ extend: { address: { floor: { type: 'integer' } } } });
    expect(registry.check('address', { city: 'Berlin', floor: 3 })).toBeUndefined();
    expect(registry.check('person', { addresses: [{ city: 'Berlin', floor: 3 }] })).toBeUndefined();
    expect(registry.check('order', { status: 'new', addresses: [{ floor: 'third' }] })).toMatch(/order.addresses.0.floor must be integer/);
    expect(registry.check('cart', { addresses: [{ floor: 2 }] })).toBeUndefined();
  });

  it('adds a new entity type with its label, schema and search fields', () => {
    const registry = createEntityRegistry(subscription);
    expect(registry.list().map((info) => info.type).at(-1)).toBe('subscription');
    expect(registry.get('subscription')).toMatchObject({ label: 'Subscriptions', searchFields: ['email', 'plan'], extended: true });
    expect(registry.check('subscription', { email: 'ada@example.com', plan: 'pro' })).toBeUndefined();
    expect(registry.check('subscription', { email: 'ada@example.com' })).toMatch(/must have required property 'plan'/);
    expect(registry.searchText('subscription', { email: 'Ada@Example.com', plan: 'Pro' })).toBe('ada@example.com pro');
  });

  it('refuses to redefine a built-in field, naming the type and the field', () => {
    const error = errorOf(() => createEntityRegistry({ extend: { person: { email: { type: 'string' } } } }));
    expect(error.message).toMatch(/^entities\.extend\.person\.email: entity type "person" already has a built-in field "email"; built-in fields cannot be redefined/);
    expect(error.field).toBe('entities.extend.person.email');
  });

  it('names what is wrong with other extensions', () => {
    expect(errorOf(() => extendEntityTypes({ extend: { customer: { x: { type: 'string' } } } })).message)
      .toMatch(/^entities\.extend\.customer: there is no built-in entity type "customer" \(known: person, personGroup/);
    expect(errorOf(() => extendEntityTypes(JSON.parse('{ "extend": { "person": { "tier": { "type": "nope" } } } }') as EntityExtensions)).message)
      .toMatch(/^entities\.extend\.person\.tier: is not a valid JSON Schema/);
    expect(errorOf(() => extendEntityTypes({ types: { person: subscriptionType } })).message)
      .toMatch(/^entities\.types\.person: "person" is a built-in entity type; add fields to it under entities\.extend\.person/);
    expect(errorOf(() => extendEntityTypes({ types: { subscription: { ...subscriptionType, searchFields: ['name'] } } })).message)
      .toMatch(/^entities\.types\.subscription\.searchFields: "name" is not a property/);
  });
});
