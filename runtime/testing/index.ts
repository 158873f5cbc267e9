export * from './open-node.ts';
export * from './run-node.ts';
export * from './test-context.ts';
