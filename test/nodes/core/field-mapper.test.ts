import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../nodes/contract/errors.ts';
import { fieldMapperNode } from '../../../nodes/core/field-mapper/definition.ts';
import { runNode } from '../../../runtime/testing/index.ts';

type Rule = Record<string, unknown>;

function mapRecords(records: unknown[], fields: Rule[], extra: Record<string, unknown> = {}) {
  return runNode({
    definition: fieldMapperNode,
    nodeId: 'to-person',
    config: { entityType: 'person', originId: 'id', fields, ...extra },
    inputs: { records: [records] },
  });
}

async function mapOne(record: Record<string, unknown>, fields: Rule[]) {
  const { outputs, rejects } = await mapRecords([{ id: 1, ...record }], fields);
  return { data: (outputs.entities?.[0] as { data?: unknown } | undefined)?.data, reasons: rejects.map((r) => r.reason) };
}

describe('core.field-mapper rules', () => {
  it('maps source paths (dotted and indexed), constants and templates into nested targets', async () => {
    const record = { id: 'c-1', customer: { first: 'Ada', last: 'Lovelace' }, phones: ['+44 1', '+44 2'], town: 'London' };
    const { outputs, rejects } = await mapRecords([record], [
      { target: 'firstName', source: 'customer.first' },
      { target: 'lastName', source: 'customer.last' },
      { target: 'phones.0', source: 'phones.1' },
      { target: 'gender', value: 'female' },
      { target: 'addresses.0.names.firstName', template: '{customer.first}' },
      { target: 'addresses.0.label', template: '{customer.first} {customer.last} ({town}) {{home}}' },
      { target: 'addresses.0.city', source: 'town' },
    ]);
    expect(rejects).toEqual([]);
    expect(outputs.entities).toEqual([{
      type: 'person',
      originId: 'c-1',
      data: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        phones: ['+44 2'],
        gender: 'female',
        addresses: [{ names: { firstName: 'Ada' }, label: 'Ada Lovelace (London) {home}', city: 'London' }],
      },
    }]);
  });

  it('drops empty and blank values, and closes the gaps they leave in arrays', async () => {
    const { data } = await mapOne({ a: '', b: '   ', c: null, p2: '+1 555' }, [
      { target: 'firstName', source: 'a' },
      { target: 'lastName', source: 'b', coerce: 'trim' },
      { target: 'middleName', source: 'c' },
      { target: 'nameSuffix', source: 'missing.deeply' },
      { target: 'namePrefix', template: '{a} {b}' },
      { target: 'phones.0', source: 'p1' },
      { target: 'phones.1', source: 'p2' },
    ]);
    expect(data).toEqual({ phones: ['+1 555'] });
  });

  it('takes a numeric originId as text and rejects records without one', async () => {
    const { outputs, rejects } = await mapRecords([{ id: 7 }, { id: '  ' }, { name: 'x' }, { id: { no: 1 } }], []);
    expect(outputs.entities).toEqual([{ type: 'person', originId: '7', data: {} }]);
    expect(rejects.map((r) => r.reason)).toEqual([
      'originId: the record has no id at "id"',
      'originId: the record has no id at "id"',
      'originId: the record has no id at "id" ({"no":1} is not text or a number)',
    ]);
    expect(rejects[1].record).toEqual({ name: 'x' });
  });

  it('rejects a record that lacks a required field', async () => {
    const { reasons } = await mapOne({ email: ' ' }, [{ target: 'email', source: 'email', required: true }]);
    expect(reasons).toEqual(['email: is required but the record has no value for it']);
  });

  it('rejects entities that fail the entity schema, with the schema message', async () => {
    const { reasons } = await mapOne({ mail: 'not-an-email', country: 'Germany' }, [
      { target: 'email', source: 'mail' },
      { target: 'addresses.0.country', source: 'country' },
    ]);
    expect(reasons).toEqual(['person.email must match format "email"; person.addresses.0.country must match pattern "^[A-Z]{2}$"']);
  });

  it('refuses an unknown entity type with a ConfigError naming the field', async () => {
    const run = runNode({ definition: fieldMapperNode, nodeId: 'm', config: { entityType: 'persn', originId: 'id', fields: [] }, inputs: { records: [[{ id: 1 }]] } });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ nodeId: 'm', field: 'entityType', message: expect.stringMatching(/"persn" is not a known entity type \(known: person, /) });
  });

  it('refuses targets the entity does not have, and clashing targets', async () => {
    await expect(mapOne({}, [{ target: 'frstName', source: 'a' }])).rejects.toMatchObject({ field: 'fields.0.target' });
    await expect(mapOne({}, [{ target: 'addresses', source: 'a' }, { target: 'addresses.0.city', source: 'b' }]))
      .rejects.toThrow(/config.fields.0.target "addresses" clashes with target "addresses.0.city"/);
  });

  it('requires exactly one of source, value and template', async () => {
    await expect(mapOne({}, [{ target: 'firstName', source: 'a', value: 'b' }])).rejects.toMatchObject({ code: 'config_invalid' });
    await expect(mapOne({}, [{ target: 'firstName' }])).rejects.toMatchObject({ code: 'config_invalid' });
  });
});

describe('core.field-mapper coercions', () => {
  const coerce = async (value: unknown, coercion: unknown, target = 'firstName', scale?: number) =>
    mapOne({ v: value }, [{ target, source: 'v', coerce: coercion, ...(scale === undefined ? {} : { scale }) }]);

  it('trims, lower- and upper-cases, in the order given', async () => {
    expect((await coerce('  Ada  ', 'trim')).data).toEqual({ firstName: 'Ada' });
    expect((await coerce(' ADA@X.ORG ', ['trim', 'lower'], 'email')).data).toEqual({ email: 'ada@x.org' });
    expect((await coerce('ada', 'upper')).data).toEqual({ firstName: 'ADA' });
  });

  it('converts to string, number, integer and boolean, rejecting what does not fit', async () => {
    const extended = async (value: unknown, coercion: string) => {
      const { outputs, rejects } = await runNode({
        definition: fieldMapperNode,
        config: { entityType: 'person', originId: 'id', fields: [{ target: 'firstName', source: 'v', coerce: [coercion, 'string'] }] },
        inputs: { records: [[{ id: 1, v: value }]] },
      });
      return outputs.entities?.length ? (outputs.entities[0] as { data: { firstName: string } }).data.firstName : rejects[0].reason;
    };
    expect(await extended(42, 'string')).toBe('42');
    expect(await extended(' 1.5e3 ', 'number')).toBe('1500');
    expect(await extended('1,5', 'number')).toBe('firstName: "1,5" is not a number (use "." as the decimal point)');
    expect(await extended('12', 'integer')).toBe('12');
    expect(await extended('12.5', 'integer')).toBe('firstName: "12.5" is not an integer');
    for (const yes of ['true', 'YES', '1', 1, true]) expect(await extended(yes, 'boolean')).toBe('true');
    for (const no of ['false', 'no', '0', 0]) expect(await extended(no, 'boolean')).toBe('false');
    expect(await extended('maybe', 'boolean')).toMatch(/"maybe" is not a boolean/);
    expect(await extended({ a: 1 }, 'string')).toBe('firstName: {"a":1} is not text');
  });

  it('converts dates to YYYY-MM-DD and refuses impossible ones', async () => {
    expect((await coerce('1984-07-09', 'date', 'birthday')).data).toEqual({ birthday: '1984-07-09' });
    expect((await coerce('1984/07/09 23:30:00', 'date', 'birthday')).data).toEqual({ birthday: '1984-07-09' });
    expect((await coerce(0, 'date', 'birthday')).data).toEqual({ birthday: '1970-01-01' });
    expect((await coerce('2023-02-30', 'date', 'birthday')).reasons).toEqual(['birthday: "2023-02-30" is not a valid date (expected YYYY-MM-DD)']);
    expect((await coerce('09.07.1984', 'date', 'birthday')).reasons).toHaveLength(1);
  });

  it('converts date-times to ISO 8601 UTC', async () => {
    const at = async (value: unknown) => (await coerce(value, 'datetime', 'createdAt')).data;
    expect(await at('2024-06-15 14:00:00')).toEqual({ createdAt: '2024-06-15T14:00:00.000Z' });
    expect(await at('2024-06-15T14:00:00+02:00')).toEqual({ createdAt: '2024-06-15T12:00:00.000Z' });
    expect(await at('2024-06-15T14:00:00.5-0130')).toEqual({ createdAt: '2024-06-15T15:30:00.500Z' });
    expect(await at('2024-06-15')).toEqual({ createdAt: '2024-06-15T00:00:00.000Z' });
    expect(await at(1718456400000)).toEqual({ createdAt: '2024-06-15T13:00:00.000Z' });
    expect(await at('1718456400000')).toEqual({ createdAt: '2024-06-15T13:00:00.000Z' });
    expect((await coerce('2024-06-15 25:00', 'datetime', 'createdAt')).reasons[0]).toMatch(/^createdAt: "2024-06-15 25:00" is not a valid date-time/);
  });

  it('converts decimals exactly, to at most 4 places or the given scale', async () => {
    const run = async (value: unknown, scale?: number) => {
      const { outputs, rejects } = await runNode({
        definition: fieldMapperNode,
        config: { entityType: 'product', originId: 'id', fields: [{ target: 'price', source: 'v', coerce: 'decimal', ...(scale === undefined ? {} : { scale }) }] },
        inputs: { records: [[{ id: 1, v: value }]] },
      });
      return outputs.entities?.length ? (outputs.entities[0] as { data: { price: string } }).data.price : rejects[0].reason;
    };
    expect(await run('19.99')).toBe('19.99');
    expect(await run(0.1 + 0.2)).toBe('0.3');
    expect(await run('1.23456')).toBe('1.2346');
    expect(await run('19.995', 2)).toBe('20.00');
    expect(await run('-0.004', 2)).toBe('0.00');
    expect(await run(' 007.5 ', 0)).toBe('8');
    expect(await run('.5')).toBe('0.5');
    expect(await run('1,5')).toBe('price: "1,5" is not a decimal number (use "." as the decimal point and no thousands separators)');
    expect(await run('abc')).toBe('price: "abc" is not a decimal number');
  });
});
