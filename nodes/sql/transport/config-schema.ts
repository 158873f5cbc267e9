import type { FromSchema } from 'json-schema-to-ts';

/** The databases `sql.transport` connects to. `mysql` covers MariaDB too. */
export const SQL_DRIVERS = ['postgres', 'mysql', 'sqlite'] as const;

/** A driver name. */
export type SqlDriverName = (typeof SQL_DRIVERS)[number];

/** The `sql.transport` config schema. */
export const sqlTransportConfigSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['driver', 'url'],
  properties: {
    driver: { enum: SQL_DRIVERS, title: 'Database', description: 'postgres (PostgreSQL), mysql (MySQL or MariaDB) or sqlite (a file).' },
    url: {
      type: 'string',
      minLength: 1,
      writeOnly: true,
      title: 'Connection URL',
      description: 'postgres://user:password@host:5432/db, mysql://user:password@host:3306/db, or for sqlite the path of the database file.',
    },
    poolSize: { type: 'integer', minimum: 1, maximum: 100, default: 4, title: 'Connections', description: 'Most connections open at once (PostgreSQL, MySQL).' },
    statementTimeoutMs: {
      type: 'integer',
      minimum: 0,
      maximum: 86400000,
      default: 60000,
      title: 'Statement timeout (ms)',
      description: 'The server cancels a statement that runs longer; 0: no limit. PostgreSQL: per batch fetched; MySQL/MariaDB: the whole streamed read; SQLite: not applied.',
    },
    connectTimeoutMs: { type: 'integer', minimum: 100, maximum: 600000, default: 10000, title: 'Connect timeout (ms)' },
  },
} as const;

/** The validated `sql.transport` config. */
export type SqlTransportConfig = FromSchema<typeof sqlTransportConfigSchema>;
