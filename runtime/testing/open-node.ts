import type { CheckResult } from '../../nodes/contract/context.ts';
import { InternalError } from '../../nodes/contract/errors.ts';
import { createTestNodeContext, type TestNodeOptions } from './test-context.ts';

/** An opened transport resource and the function that closes it. */
export interface OpenedTransport<R> {
  resource: R;
  close(): Promise<void>;
}

/**
 * Opens a transport node's resource with a validated config, for passing to `runNode({ transports })`.
 * @example
 * const files = await openNode<FileRoot>({ definition: fileTransportNode, config: { baseDir: dir } });
 * await runNode({ definition: fileCsvNode, config, transports: { transport: files.resource } });
 * await files.close();
 */
export async function openNode<R = unknown>(options: TestNodeOptions): Promise<OpenedTransport<R>> {
  const { definition } = options;
  if (!definition.open) throw new InternalError(`${definition.type} has no open(): it is not a transport`);
  const ctx = await createTestNodeContext(options);
  const resource = (await definition.open(ctx)) as R;
  return { resource, close: async () => { await definition.close?.(resource, ctx); } };
}

/**
 * Runs a transport node's connection check with a validated config.
 * @example expect((await checkNode({ definition, config })).ok).toBe(true);
 */
export async function checkNode(options: TestNodeOptions): Promise<CheckResult> {
  const { definition } = options;
  if (!definition.check) throw new InternalError(`${definition.type} has no check()`);
  return definition.check(await createTestNodeContext(options));
}
