import { describe, expect, it } from 'vitest';
import { defineNode } from '../../../nodes/contract/define-node.ts';
import { ConfigError, InternalError } from '../../../nodes/contract/errors.ts';
import { runNode } from '../../../runtime/testing/index.ts';

const echo = defineNode({
  type: 'test.echo',
  version: 1,
  category: 'transform',
  channelType: 'test',
  label: 'Echo',
  description: 'Tags records with its config.',
  config: {
    type: 'object',
    additionalProperties: false,
    required: ['tag'],
    properties: { tag: { type: 'string' }, times: { type: 'integer', default: 1 }, port: { type: 'string', default: 'out' } },
  },
  inputs: { in: { socket: 'records:*' } },
  outputs: { out: { socket: 'records:json' }, other: { socket: 'records:json' } },
  transform: (records, ctx) => ({ [ctx.config.port]: records.map((record) => ({ record, tag: ctx.config.tag, times: ctx.config.times })) }),
});

const counter = defineNode({
  type: 'test.counter',
  version: 1,
  category: 'connector',
  channelType: 'test',
  label: 'Counter',
  description: 'Counts from its cursor.',
  config: { type: 'object', properties: {} },
  outputs: { records: { socket: 'records:json' } },
  async *read(ctx) {
    const start = ctx.full ? 0 : ((ctx.state as number | undefined) ?? 0);
    const resource = ctx.transport<{ step: number }>();
    for (let n = start; n < start + 4; n += ctx.batchSize) {
      yield { records: [n], state: n + resource.step };
    }
  },
});

describe('runNode', () => {
  it('validates the config with defaults applied and $env references resolved', async () => {
    const { outputs } = await runNode({ definition: echo, config: { tag: { $env: 'TAG' }, times: { $env: 'TIMES' } }, env: { TAG: 'x', TIMES: '3' }, inputs: { in: [[1], [2]] } });
    expect(outputs.out).toEqual([{ record: 1, tag: 'x', times: 3 }, { record: 2, tag: 'x', times: 3 }]);
  });

  it('throws a ConfigError naming the node and field for a bad config or an unset variable', async () => {
    await expect(runNode({ definition: echo, nodeId: 'e', config: {} })).rejects.toMatchObject({ nodeId: 'e', field: 'config.tag' });
    const error = await runNode({ definition: echo, config: { tag: { $env: 'NOPE' } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/environment variable NOPE is not set/);
  });

  it('refuses output on a port the definition does not have', async () => {
    await expect(runNode({ definition: echo, config: { tag: 't', port: 'nope' }, inputs: { in: [[1]] } })).rejects.toBeInstanceOf(InternalError);
  });

  it('reads connectors with state, full, batch size and transports', async () => {
    const transports = { transport: { step: 100 } };
    const first = await runNode({ definition: counter, transports, state: 10, batchSize: 2 });
    expect(first.outputs.records).toEqual([10, 12]);
    expect(first.states).toEqual([110, 112]);
    expect((await runNode({ definition: counter, transports, state: 10, full: true, batchSize: 3 })).outputs.records).toEqual([0, 3]);
    await expect(runNode({ definition: counter })).rejects.toThrow(/no transport is wired to port "transport"/);
  });
});
