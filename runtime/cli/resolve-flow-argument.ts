import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Flow } from '../../nodes/contract/flow-file.ts';
import { loadFlowFile } from '../flows/load-flow-file.ts';

/** Loads a flow named by a file path, or by its id in the flows directory (`<flowsDir>/<id>.flow.json`). */
export async function resolveFlowArgument(argument: string, flowsDir: string): Promise<Flow> {
  const byId = path.join(flowsDir, `${argument}.flow.json`);
  const file = existsSync(argument) || argument.endsWith('.json') ? argument : byId;
  return (await loadFlowFile(file)) as Flow;
}
