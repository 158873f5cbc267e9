import { readFile } from 'node:fs/promises';
import { FlowDefinitionError } from '../../nodes/contract/errors.ts';

/**
 * Reads and parses a flow file. Malformed JSON becomes a `FlowDefinitionError` that names the file and the
 * line and column of the problem; a missing file says so. The result still needs `validateFlow`.
 */
export async function loadFlowFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : String(error);
    throw new FlowDefinitionError(`Cannot read flow file ${file}:`, [{ code: 'unreadable', message: reason }]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    throw new FlowDefinitionError(`Flow file ${file} is not valid JSON:`, [{ code: 'malformed-json', message: `not valid JSON${where}: ${message}` }]);
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
