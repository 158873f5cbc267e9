/**
 * The New-channel wizard end to end: real Chromium, the built editor, a real `tributary serve`, and the Magento
 * sandbox shop (the project's SOAP fixture) in this process. New channel → Magento → WSDL URL, user and key →
 * Check connection (a wrong key first) → untick a connector → name and schedule → Create → the flow on the
 * canvas → Run now → the persons of that channel on the entities page.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Flow } from '../../nodes/contract/flow-file.ts';
import type { RunRecord } from '../../runtime/store/types.ts';
import { startMagentoFixture, type MagentoFixture } from '../fixtures/magento/index.ts';
import { launchChromium } from './support/chromium.ts';
import { canvasNode, connectionCount, nodeCount, screenshot, selectNode, until } from './support/editor-driver.ts';
import { startOrAttach, type TributaryServer } from './support/tributary-server.ts';

const NAME = `Magento e2e ${Date.now().toString(36)}`;
const testId = (id: string): string => `[data-testid="${id}"]`;

let magento: MagentoFixture;
let server: TributaryServer;
let browser: Browser;
let page: Page;
let flowId = '';

describe('the New-channel wizard in Chromium', () => {
  beforeAll(async () => {
    magento = await startMagentoFixture({ mode: 'rpc' });
    server = await startOrAttach();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await magento?.close();
  });

  it('opens on the channel types that have templates and picks Magento\'s shop template', async () => {
    await page.goto(server.link);
    await page.click(testId('new-channel-button'));
    await page.locator(testId('new-channel-wizard')).waitFor();
    await page.locator(testId('channel-type-magento')).waitFor();
    expect(await page.locator(testId('channel-type-core')).count()).toBe(0);
    await page.click(testId('channel-type-magento'));
    await expect(page.textContent(testId('wizard-template'))).resolves.toContain('Magento shop');
    await screenshot(page, 'wizard-1-channel-type');
    await page.click(testId('wizard-next'));
    await page.locator(testId('wizard-step-settings')).waitFor();
  });

  it('asks for the required settings, shows a refused key\'s check failure, then checks the right one', async () => {
    await page.click(testId('wizard-next'));
    await expect(page.textContent(testId('field-error-soap.wsdlUrl'))).resolves.toBe('is required');
    expect(await page.getAttribute(testId('field-input-soap.apiKey'), 'type')).toBe('password');
    await page.fill(testId('field-input-soap.wsdlUrl'), magento.wsdlUrl);
    await page.fill(testId('field-input-soap.apiUser'), magento.apiUser);
    await page.fill(testId('field-input-soap.apiKey'), 'not-the-key');
    await page.click(testId('check-button'));
    const result = page.locator(testId('check-result'));
    await result.waitFor({ timeout: 30_000 });
    const failure = (await result.textContent()) ?? '';
    expect(failure).toMatch(/^✕ /);
    expect(failure).toMatch(/key|refused|denied/i);
    expect(failure).not.toContain('not-the-key');
    await screenshot(page, 'wizard-2-check-failed');

    await page.fill(testId('field-input-soap.apiKey'), magento.apiKey);
    await result.waitFor({ state: 'detached' });
    await page.click(testId('check-button'));
    await until(async () => /^✓ Logged in/.test((await page.textContent(testId('check-result')).catch(() => '')) ?? ''), true, 30_000);
    await screenshot(page, 'wizard-2-settings-checked');
    await page.click(testId('wizard-next'));
    await page.locator(testId('wizard-step-connectors')).waitFor();
  });

  it('ticks the default connectors, and leaves products out when unticked', async () => {
    expect(await page.isChecked(testId('connector-customers'))).toBe(true);
    expect(await page.isChecked(testId('connector-carts'))).toBe(false);
    await page.uncheck(testId('connector-products'));
    await screenshot(page, 'wizard-3-connectors');
    await page.click(testId('wizard-next'));
    await page.locator(testId('wizard-step-name')).waitFor();
  });

  it('derives the flow id from the name, validates an edited one, and reads the schedule back', async () => {
    await page.fill(testId('wizard-name'), NAME);
    const derived = await page.inputValue(testId('wizard-flow-id'));
    expect(derived).toMatch(/^magento-e2e-[a-z0-9]+$/);
    await page.fill(testId('wizard-flow-id'), 'Not An Id');
    await page.locator(testId('wizard-flow-id-error')).waitFor();
    expect(await page.isDisabled(testId('wizard-create'))).toBe(true);
    await page.fill(testId('wizard-flow-id'), derived);
    await page.locator(testId('wizard-flow-id-error')).waitFor({ state: 'detached' });
    // Once a year, so no scheduled run interferes with the run this test starts.
    await page.fill(testId('wizard-cron'), '0 3 1 1 *');
    await page.fill(testId('wizard-timezone'), 'Europe/Berlin');
    await until(async () => (await page.locator(`${testId('schedule-preview')} li`).count()) === 3, true);
    await screenshot(page, 'wizard-4-name-schedule');
    flowId = derived;
  });

  it('creates the flow and opens it on the canvas, ready to run', async () => {
    await page.click(testId('wizard-create'));
    await page.locator(testId('canvas')).waitFor();
    expect(decodeURIComponent(page.url().split('#/flows/')[1])).toBe(flowId);
    await until(() => nodeCount(page), 8);
    await until(() => connectionCount(page), 9);
    expect(await canvasNode(page, 'products').count()).toBe(0);
    expect(await page.locator(testId('dirty-marker')).count()).toBe(0);
    const saved = await server.api<Flow>('GET', `/api/flows/${flowId}`);
    expect(saved.body).toMatchObject({ name: NAME, schedule: { cron: '0 3 1 1 *', timezone: 'Europe/Berlin' } });
    const soap = saved.body.nodes.find((node) => node.id === 'soap');
    expect(soap?.config).toMatchObject({ wsdlUrl: magento.wsdlUrl, apiUser: magento.apiUser, apiKey: { $secret: expect.any(String) } });
    await screenshot(page, 'wizard-5-created-canvas');
  });

  it('runs the new flow from the editor (trigger manual) with entity counts on the nodes', async () => {
    await page.click(testId('run-button'));
    await page.locator(`${testId('run-history')} ${testId('run-status')}`).first().waitFor({ timeout: 30_000 });
    await until(async () => /succeeded|partial/.test((await page.locator(testId('run-status')).first().textContent()) ?? ''), true, 120_000);
    const badge = canvasNode(page, 'to-person').locator(testId('node-badge'));
    expect(await badge.textContent()).toMatch(/[1-9]\d* → [1-9]/);
    const { body } = await server.api<{ runs: RunRecord[] }>('GET', `/api/flows/${flowId}/runs`);
    expect(body.runs[0]).toMatchObject({ trigger: 'manual' });
    expect(body.runs[0].entities.added).toBeGreaterThan(0);
    await screenshot(page, 'wizard-6-run');
  }, 180_000);

  it('lists the persons of the new channel on the entities page', async () => {
    await page.click(testId('nav-entities'));
    await page.click(testId('entity-tab-person'));
    await page.selectOption(testId('entity-channel'), flowId);
    const rows = page.locator(`${testId('entities-table')} tbody tr`);
    const fromChannel = page.locator(`${testId('entities-table')} tbody tr[data-testid^="entity-row-${flowId}:"]`);
    await until(async () => (await fromChannel.count()) > 0 && (await fromChannel.count()) === (await rows.count()), true);
    expect(await fromChannel.first().locator('.tag').textContent()).toBe(flowId);
    await screenshot(page, 'wizard-7-entities');
  });

  it('keeps a node whose package is missing: badge, wires, the server\'s issue, and nothing dropped on save', async () => {
    if (!server.flowsDir) return; // attached to a running server: its flows folder is not ours to write
    const { body: flow } = await server.api<Flow>('GET', `/api/flows/${flowId}`);
    const legacyId = `${flowId}-legacy`;
    const legacy = { id: 'legacy', type: 'acme.legacy-orders', version: 1, config: { since: '2020-01-01' }, position: { x: 600, y: 800 } };
    const file = { ...flow, id: legacyId, nodes: [...flow.nodes, legacy],
      connections: [...flow.connections, { from: { node: 'legacy', port: 'entities' }, to: { node: 'store', port: 'entities' } }] };
    await writeFile(join(server.flowsDir, `${legacyId}.flow.json`), JSON.stringify(file, null, 2));
    await page.goto(`${server.url}/#/flows/${legacyId}`);
    const badge = canvasNode(page, 'legacy').locator(testId('node-missing'));
    await badge.waitFor();
    expect(await badge.textContent()).toBe('missing type acme.legacy-orders v1');
    await until(() => connectionCount(page), 10);
    await canvasNode(page, 'legacy').locator(testId('node-error')).waitFor();
    expect(await badge.getAttribute('title')).toMatch(/unknown node type "acme\.legacy-orders"/);
    expect(await page.textContent(testId('issue-list'))).toMatch(/acme\.legacy-orders/);
    await screenshot(page, 'missing-node-type');
    // An edit elsewhere is saved with the node unchanged; the server refuses the flow for the missing type.
    await selectNode(page, 'customers');
    await page.fill(testId('inspector-label'), 'Shop customers');
    const saved = page.waitForResponse((response) => response.request().method() === 'PUT' && response.url().endsWith(`/api/flows/${legacyId}`));
    await page.click(testId('save-button'));
    const answer = await saved;
    expect(answer.status()).toBe(400);
    expect((JSON.parse(answer.request().postData() ?? '{}') as Flow).nodes.find((node) => node.id === 'legacy')).toEqual(legacy);
    await page.locator(testId('dirty-marker')).waitFor();
    expect(await nodeCount(page)).toBe(9);
    expect(await connectionCount(page)).toBe(10);
    expect(await page.textContent(testId('issue-list'))).toMatch(/acme\.legacy-orders/);
  });
});
