export * from './load-project-config.ts';
export * from './load-project-packages.ts';
export * from './open-project.ts';
export * from './project-config-schema.ts';
export * from './resolve-node-package.ts';
