export * from './built-in-templates.ts';
export * from './check-template.ts';
export * from './flow-template.ts';
export * from './instantiate-template.ts';
export * from './template-catalog.ts';
