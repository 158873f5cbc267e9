import { sqlQueryNode } from '../../../nodes/sql/query/definition.ts';
import { sqlTransportNode } from '../../../nodes/sql/transport/definition.ts';
import type { SqlDatabase } from '../../../nodes/sql/transport/sql-database.ts';
import { openNode, runNode, type RunNodeOptions, type RunNodeResult } from '../../../runtime/testing/index.ts';

/** Runs `sql.query` (node id `rows`) through a real `sql.transport` (node id `db`) on `url`. */
export async function readQuery(
  transport: Record<string, unknown>,
  query: Record<string, unknown>,
  options: Partial<RunNodeOptions> = {},
): Promise<RunNodeResult> {
  const db = await openNode<SqlDatabase>({ definition: sqlTransportNode, config: transport, nodeId: 'db' });
  try {
    return await runNode({ definition: sqlQueryNode, config: query, nodeId: 'rows', transports: { transport: db.resource }, ...options });
  } finally {
    await db.close();
  }
}

/** What `readQuery` threw (fails the test when it did not throw). */
export async function queryError(transport: Record<string, unknown>, query: Record<string, unknown>, options: Partial<RunNodeOptions> = {}): Promise<Error> {
  try {
    await readQuery(transport, query, options);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the query to fail, but it succeeded');
}
