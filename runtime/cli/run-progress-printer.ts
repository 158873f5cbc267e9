import type { RunProgress } from '../engine/run-options.ts';
import type { RunRecord } from '../store/types.ts';

const number = new Intl.NumberFormat('en-US');

/** Live progress on a terminal: one line rewritten in place (records/s, counts). Silent when not a TTY. */
export function createProgressPrinter(stream: NodeJS.WriteStream): (event: RunProgress) => void {
  const started = Date.now();
  let sourceOut = 0;
  const outs = new Map<string, number>();
  return (event) => {
    if (!stream.isTTY || event.type !== 'node:counts') return;
    outs.set(event.nodeId, event.counts.out);
    sourceOut = Math.max(sourceOut, ...outs.values());
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const { added, updated, unchanged } = event.entities;
    const line = `  ${number.format(sourceOut)} records · ${number.format(Math.round(sourceOut / seconds))}/s · `
      + `${number.format(added)} added, ${number.format(updated)} updated, ${number.format(unchanged)} unchanged`;
    stream.write(`\r${line.padEnd(stream.columns ? stream.columns - 1 : 100)}`);
  };
}

/** The summary printed when a run ends: status, duration, entity counts, per-node counts, first errors. */
export function formatRunSummary(run: RunRecord): string {
  const lines = [
    `Run ${run.id} of flow "${run.flowId}": ${run.status} in ${((run.durationMs ?? 0) / 1000).toFixed(1)} s`,
    `  entities: ${number.format(run.entities.added)} added, ${number.format(run.entities.updated)} updated, `
      + `${number.format(run.entities.unchanged)} unchanged; ${number.format(run.rejected)} rejected`,
  ];
  const nodes = Object.entries(run.nodes);
  const width = Math.max(4, ...nodes.map(([id]) => id.length));
  lines.push(`  ${'node'.padEnd(width)}        in       out  rejected`);
  for (const [id, counts] of nodes) {
    lines.push(`  ${id.padEnd(width)} ${number.format(counts.in).padStart(9)} ${number.format(counts.out).padStart(9)} ${number.format(counts.rejected).padStart(9)}`);
  }
  if (run.errors.length > 0) {
    lines.push(`  first problems:`);
    for (const error of run.errors.slice(0, 10)) lines.push(`  - ${error.nodeId ? `[${error.nodeId}] ` : ''}${error.message}`);
  }
  return `${lines.join('\n')}\n`;
}
