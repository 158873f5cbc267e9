import { NotFoundError } from '../../../nodes/contract/errors.ts';
import type { AppContext } from '../app-context.ts';
import { defineRoute, type RouteDefinition } from '../route-definition.ts';
import { scrubDeep } from '../scrub-deep.ts';
import { openEventStream, type EventStream } from '../sse.ts';
import { errorSchema, flowIdParams, limitSchema, okSchema, runIdParams, runRecordSchema } from './schemas.ts';

/** Runs: start, list, read, follow (server-sent events), cancel. */
export function runRoutes(ctx: AppContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'post', path: '/api/flows/:id/runs', tag: 'runs', summary: 'Start a run now; answers once the run holds the flow\'s lease',
      params: flowIdParams,
      body: {
        type: 'object', additionalProperties: false,
        properties: {
          full: { type: 'boolean', description: 'Forced full sync: ignore cursors' },
          trigger: { enum: ['manual', 'api'], default: 'api', description: 'Recorded on the run: `manual` when a person started it (the editor)' },
        },
      },
      responses: {
        202: { description: 'Started', schema: { type: 'object', required: ['runId'], properties: { runId: { type: 'string' } } } },
        400: { description: 'The flow is invalid', schema: errorSchema }, 404: { description: 'No such flow', schema: errorSchema },
        409: { description: 'flow_busy: a run holds the flow\'s lease', schema: errorSchema },
      },
      handle: async ({ params, body }) => {
        const { runId } = await ctx.runs.start(params.id, { trigger: body.trigger ?? 'api', full: body.full });
        return { status: 202, body: { runId } };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/flows/:id/runs', tag: 'runs', summary: 'Runs of a flow, newest first',
      params: flowIdParams, query: { type: 'object', properties: { limit: { ...limitSchema, default: 50 } } },
      responses: { 200: { description: 'The runs', schema: { type: 'object', properties: { runs: { type: 'array', items: runRecordSchema } } } } },
      handle: async ({ params, query }) => ({ body: { runs: await ctx.store.listRuns(params.id, query.limit) } }),
    }),
    defineRoute({
      method: 'get', path: '/api/runs/:id', tag: 'runs', summary: 'One run record',
      params: runIdParams,
      responses: { 200: { description: 'The run', schema: runRecordSchema }, 404: { description: 'No such run', schema: errorSchema } },
      handle: async ({ params }) => {
        const run = ctx.runs.snapshot(params.id) ?? (await ctx.store.getRun(params.id));
        if (!run) throw new NotFoundError(`There is no run "${params.id}".`);
        return { body: run };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/runs/:id/events', tag: 'runs',
      summary: 'Server-sent events: `progress` (a RunProgress per change), then `end` (the final RunRecord); `end` at once for a run that has ended',
      params: runIdParams,
      responses: { 200: { description: 'An event stream', contentType: 'text/event-stream' }, 404: { description: 'No such run', schema: errorSchema } },
      handle: async ({ params, response }) => {
        // Subscribe before opening the stream, so an unknown run still gets a 404 JSON answer.
        const early: [string, unknown][] = [];
        let stream: EventStream | undefined;
        let ended = false;
        const send = (name: string, data: unknown): void => {
          const clean = scrubDeep(data, ctx.scrub);
          if (stream) stream.send(name, clean);
          else early.push([name, clean]);
        };
        const unsubscribe = await ctx.runs.subscribe(params.id, {
          progress: (event) => send('progress', event),
          end: (run) => {
            send('end', run);
            ended = true;
            stream?.close();
          },
        });
        stream = openEventStream(response, unsubscribe);
        for (const [name, data] of early) stream.send(name, data);
        if (ended) stream.close();
        return undefined;
      },
    }),
    defineRoute({
      method: 'post', path: '/api/runs/:id/cancel', tag: 'runs', summary: 'Cancel a running run; it stops at its next checkpoint and ends `cancelled`',
      params: runIdParams,
      responses: { 202: { description: 'Cancelling', schema: okSchema }, 404: { description: 'No such run', schema: errorSchema }, 409: { description: 'The run has already ended', schema: errorSchema } },
      handle: async ({ params }) => {
        await ctx.runs.cancel(params.id);
        return { status: 202, body: { ok: true } };
      },
    }),
  ];
}
