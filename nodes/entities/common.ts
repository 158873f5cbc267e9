/** Money: a decimal string with up to 4 places, never a float (`"19.99"`, `"-5.0000"`). */
export const money = { type: 'string', pattern: '^-?\\d+(\\.\\d{1,4})?$' } as const;

/** A date-time in ISO 8601 UTC (`2024-06-15T12:00:00.000Z` or `2024-06-15T12:00:00Z`). */
export const isoDateTime = { type: 'string', format: 'date-time', pattern: 'Z$' } as const;

/** A calendar date (`1976-12-07`). */
export const isoDate = { type: 'string', format: 'date' } as const;

/** An ISO 4217 currency code. */
export const currency = { type: 'string', pattern: '^[A-Z]{3}$' } as const;

/** An ISO 3166-1 alpha-2 country code. */
export const country = { type: 'string', pattern: '^[A-Z]{2}$' } as const;

/** A reference to another entity of the same channel, by its origin id. */
export const entityReference = {
  type: 'object',
  additionalProperties: false,
  required: ['originId'],
  properties: { originId: { type: 'string', minLength: 1 } },
} as const;

/** A non-negative quantity as a decimal string. */
export const quantity = { type: 'string', pattern: '^\\d+(\\.\\d{1,4})?$' } as const;

/** A percentage as a decimal string (`"19"`, `"7.5"`). */
export const percent = { type: 'string', pattern: '^-?\\d+(\\.\\d{1,4})?$' } as const;

/** The parts of a person's name, shared by persons and the names on an address. */
export const personNameProperties = {
  namePrefix: { type: 'string' },
  firstName: { type: 'string' },
  middleName: { type: 'string' },
  lastName: { type: 'string' },
  nameSuffix: { type: 'string' },
} as const;
