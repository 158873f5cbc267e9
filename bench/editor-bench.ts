/**
 * `npm run bench -- editor`: renders a generated 200-node, 250-connection flow in the built editor in
 * headless Chromium against a real `tributary serve`, and measures the time to render it completely and
 * the time of a full save (serialize, PUT with If-Match, server validation and write, answer folded back).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Flow, FlowConnection, FlowNode } from '../nodes/contract/flow-file.ts';
import buildEditor from '../test/e2e/support/build-editor.ts';
import { launchChromium } from '../test/e2e/support/chromium.ts';
import { startOrAttach } from '../test/e2e/support/tributary-server.ts';

/** What the editor bench measured. */
export interface EditorBenchResult {
  nodes: number;
  connections: number;
  renderMs: number;
  saveMs: number;
}

const node = (id: string, type: string, config: Record<string, unknown>, x: number, y: number): FlowNode =>
  ({ id, type, version: 1, config, position: { x, y } });
const link = (from: string, fromPort: string, to: string, toPort: string): FlowConnection =>
  ({ from: { node: from, port: fromPort }, to: { node: to, port: toPort } });

/**
 * A valid flow of 200 nodes and 250 connections from the built-in types: 10 folders feeding 60 CSV readers,
 * 60 field mappers, 70 entity stores; each mapper feeds two stores (the first ten a third).
 */
export function generateBenchFlow(id: string): Flow {
  const nodes: FlowNode[] = [];
  const connections: FlowConnection[] = [];
  for (let i = 0; i < 10; i++) nodes.push(node(`folder-${i}`, 'file.transport', { baseDir: `data/${i}` }, 0, i * 600));
  for (let i = 0; i < 60; i++) {
    nodes.push(node(`csv-${i}`, 'file.csv', { glob: `part-${i}/*.csv` }, 320, i * 110));
    connections.push(link(`folder-${i % 10}`, 'transport', `csv-${i}`, 'transport'));
  }
  for (let i = 0; i < 60; i++) {
    nodes.push(node(`mapper-${i}`, 'core.field-mapper', { entityType: 'person', originId: 'id', fields: [{ target: 'email', source: 'mail' }] }, 640, i * 110));
    connections.push(link(`csv-${i}`, 'records', `mapper-${i}`, 'records'));
  }
  for (let i = 0; i < 70; i++) nodes.push(node(`store-${i}`, 'core.entity-store', {}, 960, i * 95));
  for (let i = 0; i < 60; i++) {
    connections.push(link(`mapper-${i}`, 'entities', `store-${i}`, 'entities'));
    connections.push(link(`mapper-${i}`, 'entities', `store-${(i + 1) % 60}`, 'entities'));
    if (i < 10) connections.push(link(`mapper-${i}`, 'entities', `store-${60 + i}`, 'entities'));
  }
  return { schemaVersion: 1, id, name: 'Editor bench (200 nodes)', enabled: false, nodes, connections };
}

/** Runs the bench and prints the two timings in milliseconds. */
export async function runEditorBench(): Promise<EditorBenchResult> {
  if (!existsSync(fileURLToPath(new URL('../editor/dist/index.html', import.meta.url)))) await buildEditor();
  const server = await startOrAttach();
  const browser = await launchChromium();
  try {
    const flow = generateBenchFlow(`editor-bench-${Date.now().toString(36)}`);
    const saved = await server.api<unknown>('PUT', `/api/flows/${flow.id}`, flow);
    if (saved.status >= 300) throw new Error(`the generated flow was not saved (${saved.status}): ${JSON.stringify(saved.body)}`);
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(server.link);
    await page.waitForSelector('[data-testid="flows-page"]');
    await page.goto(`${server.url}/#/flows/${flow.id}`);
    await page.reload();
    // Page-side code as source strings: this file type-checks without the DOM library, and tsx would wrap
    // named functions in a helper the page lacks.
    const rendered = `(() => {
      const paths = document.querySelectorAll('[data-testid="canvas"] svg[data-testid="connection"] path');
      const drawn = [...paths].filter((path) => (path.getAttribute('d') || '').length > 0).length;
      const shown = document.querySelectorAll('[data-testid="canvas"] [data-testid="node"]').length;
      return shown === ${flow.nodes.length} && drawn === ${flow.connections.length} ? performance.now() : false;
    })()`;
    const renderMs = (await (await page.waitForFunction(rendered, undefined, { timeout: 120_000, polling: 'raf' })).jsonValue()) as number;
    await page.click('[data-testid="tab-settings"]');
    await page.fill('[data-testid="flow-name"]', 'Editor bench (200 nodes), renamed');
    const saveMs = await page.evaluate<number>(`new Promise((resolve, reject) => {
      const start = performance.now();
      document.querySelector('[data-testid="save-button"]').click();
      const check = () => {
        if (performance.now() - start > 60000) reject(new Error('the save did not finish within 60 s'));
        else if (document.querySelector('[data-testid="dirty-marker"]')) requestAnimationFrame(check);
        else resolve(performance.now() - start);
      };
      requestAnimationFrame(check);
    })`);
    const result = { nodes: flow.nodes.length, connections: flow.connections.length, renderMs: Math.round(renderMs), saveMs: Math.round(saveMs) };
    process.stdout.write(`editor: render ${result.nodes} nodes / ${result.connections} connections: ${result.renderMs} ms (from navigation start)\n`);
    process.stdout.write(`editor: full save of that flow: ${result.saveMs} ms\n`);
    await server.api('DELETE', `/api/flows/${flow.id}`);
    return result;
  } finally {
    await browser.close();
    await server.stop();
  }
}
