export * from './bind-inbox-dirs.ts';
export * from './create-webhook-service.ts';
export * from './form-source.ts';
export * from './parse-submission.ts';
export * from './read-body.ts';
export * from './webhook-errors.ts';
export * from './webhook-service.ts';
