import type { FromSchema } from 'json-schema-to-ts';

const fieldNames = {
  type: 'array',
  items: { type: 'string', minLength: 1, maxLength: 200 },
  uniqueItems: true,
} as const;

/** The `webhook.form` config schema: what protects the HTTP endpoint and what a submission may hold. */
export const webhookFormConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    token: {
      type: 'string',
      minLength: 8,
      writeOnly: true,
      title: 'Token',
      description: 'Optional. When set, a submission must carry it as ?token= or the X-Tributary-Token header (8 characters or more).',
    },
    maxBodyBytes: {
      type: 'integer',
      minimum: 256,
      maximum: 10_485_760,
      default: 65_536,
      title: 'Largest submission (bytes)',
      description: 'A bigger request body is refused with 413. Default 64 KiB.',
    },
    rateLimitPerMinute: {
      type: 'integer',
      minimum: 1,
      maximum: 100_000,
      default: 60,
      title: 'Submissions per minute',
      description: 'For this form as a whole; beyond it requests get 429 with Retry-After.',
    },
    honeypotField: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      title: 'Honeypot field',
      description: 'A hidden form field people leave empty; a submission that fills it is dropped as spam (answered 202 all the same).',
    },
    fields: {
      ...fieldNames,
      title: 'Allowed fields',
      description: 'When set, only these fields are kept; others are dropped on arrival.',
    },
    lowerCaseFields: {
      ...fieldNames,
      title: 'Lower-cased fields',
      description: 'Fields trimmed and lower-cased on arrival, for example "email", so it can serve as an id.',
    },
    inboxDir: {
      type: 'string',
      minLength: 1,
      readOnly: true,
      title: 'Inbox folder',
      description: 'Set by the runtime at run time (<data dir>/webhooks/<flow id>/<node id>); a value in a flow file is replaced.',
    },
  },
} as const;

/** The validated `webhook.form` config. */
export type WebhookFormConfig = FromSchema<typeof webhookFormConfigSchema>;
