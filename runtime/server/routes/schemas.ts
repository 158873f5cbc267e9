import type { JSONSchema } from 'json-schema-to-ts';
import { flowFileSchema } from '../../../nodes/contract/flow-file.ts';

/** Path parameter `:id` of a flow: what the flow file schema allows as an id. */
export const flowIdParams = {
  type: 'object',
  properties: { id: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,79}$' } },
  required: ['id'],
} as const;

/** Path parameter `:id` of a run. */
export const runIdParams = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
  required: ['id'],
} as const;

/** A page size: 1 to 1000. */
export const limitSchema = { type: 'integer', minimum: 1, maximum: 1000 } as const;

/** The body of every error answer. */
export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'object', description: 'issues (flow_invalid), fields (bad_request), currentEtag (conflict)' },
      },
    },
  },
} as const satisfies JSONSchema;

/** One problem of a flow, naming the node and field. */
export const flowIssueSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: { type: 'string' }, message: { type: 'string' }, nodeId: { type: 'string' }, field: { type: 'string' } },
} as const satisfies JSONSchema;

/** A run record (see runtime/store/types.ts). */
export const runRecordSchema = {
  type: 'object',
  required: ['id', 'flowId', 'trigger', 'status', 'startedAt'],
  properties: {
    id: { type: 'string' },
    flowId: { type: 'string' },
    trigger: { enum: ['cron', 'manual', 'api', 'webhook', 'cli'] },
    full: { type: 'boolean' },
    status: { enum: ['running', 'succeeded', 'partial', 'failed', 'cancelled', 'skipped'] },
    startedAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: 'string', format: 'date-time' },
    durationMs: { type: 'number' },
    nodes: { type: 'object' },
    entities: { type: 'object' },
    rejected: { type: 'integer' },
    errors: { type: 'array', items: { type: 'object' } },
    cursorsBefore: { type: 'object' },
    cursorsAfter: { type: 'object' },
  },
} as const satisfies JSONSchema;

/** The flow file schema with its `$defs` inlined, so it can sit under OpenAPI's `components.schemas`. */
export const flowSchema: JSONSchema = (() => {
  const { $id: _id, $defs, ...rest } = structuredClone(flowFileSchema) as unknown as Record<string, unknown> & { $defs: Record<string, unknown> };
  const text = JSON.stringify(rest).replace(/\{"\$ref":"#\/\$defs\/(\w+)"\}/g, (_match, name: string) => JSON.stringify($defs[name]));
  return JSON.parse(text) as JSONSchema;
})();

/** A body accepted as a flow: any object here; it is then validated as a flow (400 `flow_invalid` with every issue). */
export const flowBodySchema = {
  type: 'object',
  description: 'A flow file (components.schemas.Flow). Validated as a flow: 400 flow_invalid lists every issue.',
} as const;

/** `{ ok: true }`. */
export const okSchema = { type: 'object', properties: { ok: { const: true } }, required: ['ok'] } as const satisfies JSONSchema;
