export * from './private-json-file.ts';
export * from './secret-cipher.ts';
export * from './secret-keys.ts';
export * from './secret-store.ts';
