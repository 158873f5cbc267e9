export * from './query/config-schema.ts';
export * from './query/definition.ts';
export * from './transport/config-schema.ts';
export * from './transport/definition.ts';
export * from './transport/sql-database.ts';
