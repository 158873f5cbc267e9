/** Mouse and keyboard helpers that drive the flow editor the way a person does. */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

/** Where screenshots go (gitignored). */
export const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/', import.meta.url));

/** Saves a screenshot of the page as `test-artifacts/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name}.png` });
}

const testId = (id: string): string => `[data-testid="${id}"]`;

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a palette item onto the canvas, `x`/`y` from the canvas's top-left corner. */
export async function dragFromPalette(page: Page, type: string, x: number, y: number): Promise<void> {
  const from = await centre(page.locator(testId(`palette-item-${type}`)));
  const canvas = await page.locator(testId('canvas')).boundingBox();
  if (!canvas) throw new Error('the canvas is not visible');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + 10, { steps: 4 });
  await page.mouse.move(canvas.x + x, canvas.y + y, { steps: 12 });
  await page.mouse.up();
}

/** A node on the canvas by its flow node id. */
export const canvasNode = (page: Page, nodeId: string): Locator => page.locator(`${testId('canvas')} [data-node-id="${nodeId}"]`);

/** Drags from an output socket's centre to an input socket's centre. */
export async function connect(page: Page, from: { node: string; port: string }, to: { node: string; port: string }): Promise<void> {
  const start = await centre(canvasNode(page, from.node).locator(`${testId(`output-${from.port}`)} ${testId('output-socket')}`));
  const end = await centre(canvasNode(page, to.node).locator(`${testId(`input-${to.port}`)} ${testId('input-socket')}`));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2 + 20, { steps: 8 });
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
}

/** Selects a node by clicking its title. */
export async function selectNode(page: Page, nodeId: string): Promise<void> {
  await canvasNode(page, nodeId).locator(testId('title')).click();
  await page.locator(`${testId('inspector')}[data-node-id="${nodeId}"]`).waitFor();
}

/** How many nodes the canvas shows. */
export const nodeCount = (page: Page): Promise<number> => page.locator(`${testId('canvas')} ${testId('node')}`).count();

/** How many connections the canvas shows (the line following the mouse during a drag counts too). */
export const connectionCount = (page: Page): Promise<number> => page.locator(`${testId('canvas')} svg${testId('connection')}`).count();

/** Polls `read` until it returns `expected` (or the timeout passes, then throws with the last value). */
export async function until<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected)) {
    if (Date.now() > deadline) throw new Error(`expected ${JSON.stringify(expected)}, still ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
}
