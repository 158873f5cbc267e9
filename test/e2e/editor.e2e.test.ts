/**
 * The editor end to end, as a person uses it: real Chromium, the built editor, a real `tributary serve`.
 * Build Folder → CSV → Field mapper → Entity store with the mouse, see a wrong connection refused, fill the
 * config through its inline errors, save, reload, run and watch the counts, find the persons, restore a version.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Flow } from '../../nodes/contract/flow-file.ts';
import { launchChromium } from './support/chromium.ts';
import { canvasNode, connect, connectionCount, dragFromPalette, nodeCount, screenshot, selectNode, until } from './support/editor-driver.ts';
import { startOrAttach, type TributaryServer } from './support/tributary-server.ts';

const CSV = 'id,first,last,mail\n1,Ann,Lee,ann@example.com\n2,Bob,Ray,bob@example.com\n3,Cy,Oh,cy@example.com\n4,Dee,Ng,not-an-email\n';
const FLOW_NAME = `Contacts e2e ${Date.now().toString(36)}`;

let server: TributaryServer;
let browser: Browser;
let page: Page;
let csvDir: string;
let flowId = '';
/** Messages of the browser dialogs (confirm) seen, and how to answer the next ones. */
const dialogs: string[] = [];
let acceptDialogs = true;
const testId = (id: string): string => `[data-testid="${id}"]`;

async function fillField(key: string, value: string): Promise<void> {
  await page.fill(testId(`field-input-${key}`), value);
}

describe('the flow editor in Chromium', () => {
  beforeAll(async () => {
    csvDir = await mkdtemp(join(tmpdir(), 'tributary-e2e-csv-'));
    await writeFile(join(csvDir, 'people.csv'), CSV);
    server = await startOrAttach();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void (acceptDialogs ? dialog.accept() : dialog.dismiss());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (csvDir) await rm(csvDir, { recursive: true, force: true });
  });

  it('asks for the token when it has none, and again when the server refuses it', async () => {
    const context = await browser.newContext();
    const fresh = await context.newPage();
    await fresh.goto(server.url);
    await fresh.locator(testId('token-prompt')).waitFor();
    await fresh.fill(testId('token-input'), 'wrong-token');
    await fresh.click(testId('token-submit'));
    await fresh.locator(testId('token-prompt')).waitFor();
    expect(await fresh.textContent(testId('token-prompt'))).toContain('did not accept the token');
    await fresh.fill(testId('token-input'), server.token);
    await fresh.click(testId('token-submit'));
    await fresh.locator(testId('flows-table')).waitFor();
    await fresh.locator(testId('token-prompt')).waitFor({ state: 'detached' });
    await context.close();
  });

  it('opens the printed link, keeps the token and takes it out of the address bar', async () => {
    await page.goto(server.link);
    await page.locator(testId('flows-page')).waitFor();
    expect(page.url()).not.toContain('token=');
    expect(await page.evaluate('localStorage.getItem("tributary.token")')).toBe(server.token);
    await screenshot(page, 'flows');
  });

  it('creates a flow and builds Folder → CSV → Field mapper → Entity store from the palette with the mouse', async () => {
    await page.fill(testId('new-flow-name'), FLOW_NAME);
    await page.click(testId('new-flow-button'));
    await page.locator(testId('canvas')).waitFor();
    flowId = decodeURIComponent(page.url().split('#/flows/')[1]);
    expect(flowId).toMatch(/^contacts-e2e-/);
    await dragFromPalette(page, 'file.transport', 40, 120);
    await dragFromPalette(page, 'file.csv', 300, 120);
    await dragFromPalette(page, 'core.field-mapper', 40, 330);
    await page.dblclick(testId('palette-item-core.entity-store'));
    await until(() => nodeCount(page), 4);
    await canvasNode(page, 'entity-store').locator(testId('title')).hover();
    await page.mouse.down();
    await page.mouse.move(400, 560, { steps: 10 });
    await page.mouse.up();

    // Saved too early: the server refuses, and its issues show on the nodes they name and in a list.
    await page.keyboard.press('Control+S');
    await page.locator(testId('issue-list')).waitFor();
    expect(await page.locator(testId('issue-list')).textContent()).toMatch(/required input "records" is not connected/);
    await canvasNode(page, 'field-mapper').locator(testId('node-error')).waitFor();
    await screenshot(page, 'save-refused');

    await connect(page, { node: 'transport', port: 'transport' }, { node: 'csv', port: 'transport' });
    await connect(page, { node: 'csv', port: 'records' }, { node: 'field-mapper', port: 'records' });
    await connect(page, { node: 'field-mapper', port: 'entities' }, { node: 'entity-store', port: 'entities' });
    await until(() => connectionCount(page), 3);
    await expect(page.locator(testId('dirty-marker')).isVisible()).resolves.toBe(true);
  });

  it('refuses an incompatible connection and says why', async () => {
    await connect(page, { node: 'csv', port: 'records' }, { node: 'entity-store', port: 'entities' });
    const refusal = page.locator(testId('connection-refused'));
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/Cannot connect: .*records.*entities/);
    await until(() => connectionCount(page), 3);
    await screenshot(page, 'connection-refused');
  });

  it('multi-selects, copies, pastes, deletes, undoes and redoes with the keyboard', async () => {
    await selectNode(page, 'csv');
    await page.keyboard.down('Control');
    await canvasNode(page, 'field-mapper').locator(testId('title')).click();
    await page.keyboard.up('Control');
    await until(async () => (await page.locator(`${testId('canvas')} .flow-node.selected`).count()), 2);
    await page.locator(testId('canvas')).focus();
    await page.keyboard.press('Control+C');
    await page.keyboard.press('Control+V');
    await until(() => nodeCount(page), 6);
    await until(() => connectionCount(page), 4);
    expect(await canvasNode(page, 'csv-2').count()).toBe(1);
    await page.keyboard.press('Delete');
    await until(() => nodeCount(page), 4);
    await until(() => connectionCount(page), 3);
    await page.keyboard.press('Control+Z');
    await until(() => nodeCount(page), 6);
    await until(() => connectionCount(page), 4);
    await page.keyboard.press('Control+Shift+Z');
    await until(() => nodeCount(page), 4);
    await until(() => connectionCount(page), 3);
    await page.keyboard.press('f');
  });

  it('fills the config, showing inline errors as the user types', async () => {
    await selectNode(page, 'transport');
    await expect(page.textContent(testId('field-error-baseDir'))).resolves.toBe('is required');
    await fillField('baseDir', csvDir);
    await page.locator(testId('field-error-baseDir')).waitFor({ state: 'detached' });
    await page.click(testId('check-button'));
    await expect(page.locator(testId('check-result')).textContent()).resolves.toMatch(/✓.*readable/);

    await selectNode(page, 'csv');
    await fillField('glob', '*.csv');
    await fillField('batchSize', '0');
    await expect(page.textContent(testId('field-error-batchSize'))).resolves.toBe('must be >= 1');
    await screenshot(page, 'inspector-inline-error');
    await fillField('batchSize', '2');
    await page.locator(testId('field-error-batchSize')).waitFor({ state: 'detached' });

    await selectNode(page, 'field-mapper');
    await fillField('entityType', 'person');
    await fillField('originId', 'id');
    const rules = [['firstName', 'first'], ['lastName', 'last'], ['email', 'mail']];
    for (const [index, [target, source]] of rules.entries()) {
      await page.click(testId('field-add-fields'));
      await fillField(`fields.${index}.target`, target);
      await fillField(`fields.${index}.source`, source);
    }
    // The issues of the refused save follow the fixes: none is left.
    await until(() => page.locator(`${testId('inspector')} .field-error`).count(), 0);
    await page.locator(testId('issue-list')).waitFor({ state: 'detached' });
    expect(await canvasNode(page, 'field-mapper').locator(testId('node-error')).count()).toBe(0);
    const socket = canvasNode(page, 'field-mapper').locator(`${testId('output-entities')} .socket`);
    await expect(socket.getAttribute('title')).resolves.toContain('entities:person');
  });

  it('saves with Ctrl+S, and a reload shows the same flow', async () => {
    await page.keyboard.press('Control+S');
    await page.locator(testId('dirty-marker')).waitFor({ state: 'detached' });
    const saved = await server.api<Flow>('GET', `/api/flows/${flowId}`);
    expect(saved.status).toBe(200);
    expect(saved.body.nodes.map((node) => node.type)).toEqual(['file.transport', 'file.csv', 'core.field-mapper', 'core.entity-store']);
    expect(saved.body.connections).toHaveLength(3);
    expect(saved.body.nodes[2].config).toMatchObject({ entityType: 'person', originId: 'id' });
    await screenshot(page, 'editor-saved');

    await page.reload();
    await page.locator(testId('canvas')).waitFor();
    await until(() => nodeCount(page), 4);
    await until(() => connectionCount(page), 3);
    expect(await page.locator(testId('dirty-marker')).count()).toBe(0);
    const again = await server.api<Flow>('GET', `/api/flows/${flowId}`);
    expect(again.body).toEqual(saved.body);
    expect(again.etag).toBe(saved.etag);
  });

  it('reads a schedule back in plain language, with the next run times', async () => {
    await page.click(testId('tab-settings'));
    await page.fill(testId('schedule-cron'), '61 * * * *');
    await page.locator(testId('schedule-error')).waitFor();
    await page.fill(testId('schedule-cron'), '*/15 * * * *');
    await page.fill(testId('schedule-timezone'), 'Europe/Berlin');
    await until(async () => (await page.locator(testId('schedule-description')).textContent())?.includes('15 minutes') ?? false, true);
    expect(await page.locator(`${testId('schedule-preview')} li`).count()).toBe(3);
    await page.uncheck(testId('flow-enabled'));
    await screenshot(page, 'flow-settings');
    await page.keyboard.press('Control+S');
    await page.locator(testId('dirty-marker')).waitFor({ state: 'detached' });
    const saved = await server.api<Flow>('GET', `/api/flows/${flowId}`);
    expect(saved.body).toMatchObject({ enabled: false, schedule: { cron: '*/15 * * * *', timezone: 'Europe/Berlin' } });
  });

  it('asks what to do when someone else saved in between, and overwrites on request', async () => {
    const theirs = await server.api<Flow>('GET', `/api/flows/${flowId}`);
    const put = await fetch(`${server.url}/api/flows/${flowId}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', 'If-Match': theirs.etag ?? '' },
      body: JSON.stringify({ ...theirs.body, name: 'Renamed elsewhere' }),
    });
    expect(put.status).toBe(200);
    await selectNode(page, 'csv');
    await page.fill(testId('inspector-label'), 'People CSV');
    await page.click(testId('save-button'));
    await page.locator(testId('conflict-dialog')).waitFor();
    await screenshot(page, 'conflict');
    await page.click(testId('conflict-overwrite'));
    await page.locator(testId('dirty-marker')).waitFor({ state: 'detached' });
    const mine = await server.api<Flow>('GET', `/api/flows/${flowId}`);
    expect(mine.body.name).toBe(FLOW_NAME);
    expect(mine.body.nodes[1].label).toBe('People CSV');
  });

  it('runs the flow and shows live counts on the nodes, then the run with its rejects', async () => {
    await page.click(testId('run-button'));
    const badge = canvasNode(page, 'field-mapper').locator(testId('node-badge'));
    await badge.waitFor({ timeout: 30_000 });
    await page.locator(`${testId('run-history')} ${testId('run-status')}`).first().waitFor();
    await until(async () => /succeeded|partial/.test((await page.locator(testId('run-status')).first().textContent()) ?? ''), true, 30_000);
    expect(await badge.textContent()).toMatch(/4 → 3.*✕1/);
    await page.locator(testId('rejects')).waitFor();
    expect(await page.locator(testId('rejects')).textContent()).toMatch(/email/);
    await screenshot(page, 'run-counts');
  });

  it('finds the persons on the entities page, with where they came from', async () => {
    await page.click(testId('nav-entities'));
    await page.click(testId('entity-tab-person'));
    await page.selectOption(testId('entity-channel'), flowId);
    await until(() => page.locator(`${testId('entities-table')} tbody tr`).count(), 3);
    await page.fill(testId('entity-search'), 'ann');
    await until(() => page.locator(`${testId('entities-table')} tbody tr`).count(), 1);
    const row = page.locator(`[data-testid="entity-row-${flowId}:1"]`);
    await row.click();
    await expect(page.textContent(testId('drawer-channel'))).resolves.toBe(flowId);
    await expect(page.textContent(testId('drawer-origin'))).resolves.toBe('1');
    expect(await page.textContent(testId('drawer-data'))).toContain('ann@example.com');
    await screenshot(page, 'entities');
  });

  it('guards unsaved changes when leaving the editor', async () => {
    await page.goto(`${server.url}/#/flows/${flowId}`);
    await until(() => nodeCount(page), 4);
    await selectNode(page, 'csv');
    await page.fill(testId('inspector-label'), 'Unsaved label');
    acceptDialogs = false;
    await page.click(testId('nav-flows'));
    await until(async () => dialogs.some((message) => /unsaved changes/.test(message)), true);
    expect(page.url()).toContain(`#/flows/${flowId}`);
    acceptDialogs = true;
    await page.click(testId('nav-flows'));
    await page.locator(testId('flows-page')).waitFor();
    await page.locator(testId(`flow-row-${flowId}`)).waitFor();
  });

  it('restores an earlier version', async () => {
    await page.goto(`${server.url}/#/flows/${flowId}`);
    await until(() => nodeCount(page), 4);
    await page.click(testId('tab-versions'));
    const versions = page.locator(`${testId('versions')} li`);
    await until(async () => (await versions.count()) >= 2, true);
    const count = await versions.count();
    await versions.last().locator('button').click();
    await until(() => nodeCount(page), 0);
    const restored = await server.api<Flow>('GET', `/api/flows/${flowId}`);
    expect(restored.body.nodes).toEqual([]);
    await until(() => versions.count(), count + 1);
    await screenshot(page, 'versions-restored');
  });

  it('loads the layout engine only when asked to arrange', async () => {
    await page.goto(`${server.url}/#/flows/${flowId}`);
    await page.click(testId('tab-versions'));
    await page.locator(`${testId('versions')} li`).nth(1).locator('button').click();
    await until(() => nodeCount(page), 4);
    await until(() => connectionCount(page), 3);
    const before = await canvasNode(page, 'entity-store').boundingBox();
    const loaded: string[] = [];
    page.on('request', (request) => { if (/auto-arrange/.test(request.url())) loaded.push(request.url()); });
    expect(loaded).toEqual([]);
    await page.click(testId('arrange-button'));
    await until(async () => loaded.length > 0, true);
    await until(async () => JSON.stringify(await canvasNode(page, 'entity-store').boundingBox()) !== JSON.stringify(before), true);
  });

  it('duplicates a flow, then deletes the copy and its entities after a warning', async () => {
    await page.click(testId('nav-flows'));
    await page.click(testId(`duplicate-${flowId}`));
    const copy = `${flowId}-copy`;
    await page.locator(testId(`flow-row-${copy}`)).waitFor();
    await page.click(testId(`delete-${copy}`));
    const dialog = page.locator(testId('delete-dialog'));
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('cannot be undone');
    await page.check(testId('delete-entities'));
    await screenshot(page, 'delete-dialog');
    await page.click(testId('delete-confirm'));
    await page.locator(testId(`flow-row-${copy}`)).waitFor({ state: 'detached' });
    expect((await server.api('GET', `/api/flows/${copy}`)).status).toBe(404);
    await page.locator(testId(`flow-row-${flowId}`)).waitFor();
  });
});
