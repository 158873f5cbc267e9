export * from './collection/config-schema.ts';
export * from './collection/definition.ts';
export * from './transport/config-schema.ts';
export * from './transport/definition.ts';
export * from './transport/rest-client.ts';
