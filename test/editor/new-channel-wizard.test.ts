// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { ChannelTypeSummary, FlowTemplate } from '../../editor/src/api/types.ts';
import NewChannelWizard from '../../editor/src/components/wizard/NewChannelWizard.vue';
import { useAuthStore } from '../../editor/src/stores/auth.ts';
import { useFlowsStore } from '../../editor/src/stores/flows.ts';
import { useNewChannelStore } from '../../editor/src/stores/new-channel.ts';
import { checkableNodes, issueErrors, nodeConfig, parameterErrors, parameterSchema, requestValues } from '../../editor/src/wizard/template-form.ts';
import { installFakeApi, type FakeRequest } from './fake-api.ts';
import { catalogue, lookup } from './fixtures.ts';

/** A Magento-like template over the fixture node types: a SOAP transport, two optional mappers and a store. */
const shopTemplate: FlowTemplate = {
  id: 'magento.shop', channelType: 'magento', label: 'Magento shop', description: 'Customers and carts of a shop.',
  flow: {
    schedule: { cron: '*/15 * * * *', timezone: 'UTC' },
    nodes: [
      { id: 'soap', type: 'magento.soap-transport', version: 1, config: {} },
      { id: 'customers', type: 'core.field-mapper', version: 1, config: { entityType: 'person', originId: 'id', fields: [] } },
      { id: 'carts', type: 'core.field-mapper', version: 1, config: { entityType: 'cart', originId: 'id', fields: [] } },
      { id: 'store', type: 'core.entity-store', version: 1, config: {} },
    ],
    connections: [],
  },
  parameters: [
    { nodeId: 'soap', field: 'wsdlUrl', label: 'Shop WSDL', required: true, description: 'The ?wsdl=1 address.' },
    { nodeId: 'soap', field: 'apiUser', label: 'API user', required: true },
    { nodeId: 'soap', field: 'apiKey', label: 'API key', required: true, secret: true },
  ],
  connectors: [
    { id: 'customers', label: 'Customers', nodeIds: ['customers'], default: true },
    { id: 'carts', label: 'Carts', nodeIds: ['carts'], default: false },
  ],
};

const channelTypes: ChannelTypeSummary[] = [
  { id: 'core', label: 'Core', description: '', templateIds: [], nodeTypes: ['core.entity-store'] },
  { id: 'magento', label: 'Magento', description: 'A Magento 1 shop.', templateIds: ['magento.shop'], nodeTypes: ['magento.soap-transport'] },
];

const filled = { 'soap.wsdlUrl': 'https://shop.example/api/?wsdl=1', 'soap.apiUser': 'oro', 'soap.apiKey': 's3cret' };

/** The template routes of the API, answering `create` as told. */
function templateServer(create: (request: FakeRequest) => { status?: number; body?: unknown } = ({ body }) => ({
  status: 201, body: { flow: { id: (body as { flowId: string }).flowId }, etag: '"e1"' },
})): FakeRequest[] {
  return installFakeApi({
    'GET /api/channel-types': () => ({ body: { channelTypes } }),
    'GET /api/templates': () => ({ body: { templates: [shopTemplate] } }),
    'GET /api/nodes': () => ({ body: { nodes: catalogue, entityTypes: [], problems: [] } }),
    'GET /api/flows': () => ({ body: { flows: [{ id: 'main-shop', name: 'Main shop', enabled: true, channelTypes: [], nextRuns: [], etag: '"x"' }] } }),
    'POST /api/nodes/:type/check': ({ body }) => ({ body: (body as { config: { apiKey?: string } }).config.apiKey === 's3cret'
      ? { ok: true, message: 'Logged in as "oro": 4 store views' } : { ok: false, message: 'The API user or key was refused' } }),
    'POST /api/flows/from-template': create,
  });
}

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
  useAuthStore().setToken('t');
});
afterEach(() => vi.unstubAllGlobals());

describe('a template as a schema form', () => {
  it('makes one field per parameter from the node type\'s schema, titled by the template, secrets write-only', () => {
    const schema = parameterSchema(shopTemplate, lookup);
    expect(Object.keys(schema.properties ?? {})).toEqual(['soap.wsdlUrl', 'soap.apiUser', 'soap.apiKey']);
    expect(schema.properties?.['soap.wsdlUrl']).toMatchObject({ type: 'string', format: 'uri', title: 'Shop WSDL', description: 'The ?wsdl=1 address.' });
    expect(schema.properties?.['soap.apiKey']).toMatchObject({ writeOnly: true, title: 'API key' });
    expect(schema.required).toEqual(['soap.wsdlUrl', 'soap.apiUser', 'soap.apiKey']);
  });

  it('builds the transport\'s config and the request values from what was typed', () => {
    expect(checkableNodes(shopTemplate, lookup)).toEqual([{ nodeId: 'soap', type: 'magento.soap-transport', label: 'Magento SOAP' }]);
    expect(nodeConfig(shopTemplate, 'soap', { ...filled, 'soap.apiUser': '' }))
      .toEqual({ wsdlUrl: 'https://shop.example/api/?wsdl=1', apiKey: 's3cret' });
    expect(requestValues(shopTemplate, filled)).toEqual({ soap: { wsdlUrl: 'https://shop.example/api/?wsdl=1', apiUser: 'oro', apiKey: 's3cret' } });
  });

  it('flags wrong values as the inspector does, empty required ones only once asked, and maps the server\'s issues', () => {
    expect(parameterErrors(shopTemplate, { 'soap.wsdlUrl': 'not a url' }, lookup, false)).toEqual({ 'soap.wsdlUrl': expect.stringMatching(/format/) });
    expect(Object.keys(parameterErrors(shopTemplate, {}, lookup, true))).toEqual(['soap.wsdlUrl', 'soap.apiUser', 'soap.apiKey']);
    expect(parameterErrors(shopTemplate, filled, lookup, true)).toEqual({});
    expect(issueErrors(shopTemplate, [{ code: 'config', nodeId: 'soap', field: 'config.apiUser', message: 'node "soap": too short' },
      { code: 'unknown-type', nodeId: 'x', field: 'type', message: 'other' }])).toEqual({ 'soap.apiUser': 'node "soap": too short' });
  });
});

describe('the new-channel wizard store', () => {
  it('offers only channel types with templates, picks a lone template with its defaults, and creates the flow', async () => {
    const requests = templateServer();
    const wizard = useNewChannelStore();
    await useFlowsStore().load();
    await wizard.open();
    expect(wizard.channelTypes.map((type) => type.id)).toEqual(['magento']);
    await wizard.chooseChannelType('magento');
    expect(wizard.template?.id).toBe('magento.shop');
    expect(wizard.connectors).toEqual(['customers']);
    expect(wizard.schedule).toEqual({ cron: '*/15 * * * *', timezone: 'UTC' });
    expect(wizard.next()).toBe(true);

    expect(wizard.next()).toBe(false);
    expect(wizard.step).toBe('settings');
    wizard.setValues(filled);
    expect(wizard.next()).toBe(true);
    wizard.connectors = ['customers', 'carts'];
    expect(wizard.next()).toBe(true);

    wizard.setName('Main shop');
    expect(wizard.flowId).toBe('main-shop-2');
    wizard.setFlowId('Main Shop');
    expect(wizard.flowIdError).toMatch(/lower-case/);
    expect(wizard.canAdvance).toBe(false);
    wizard.setFlowId('eu-shop');
    wizard.setName('EU shop');
    expect(wizard.flowId).toBe('eu-shop');
    wizard.schedule = null;
    expect(await wizard.create()).toBe('eu-shop');
    expect(requests.find((request) => request.path === '/api/flows/from-template')?.body).toEqual({
      templateId: 'magento.shop', flowId: 'eu-shop', name: 'EU shop', connectors: ['customers', 'carts'], schedule: null,
      values: { soap: { wsdlUrl: 'https://shop.example/api/?wsdl=1', apiUser: 'oro', apiKey: 's3cret' } },
    });
  });

  it('keeps the server\'s issues (400) on the settings they name, and its message for a taken id (409)', async () => {
    let answer = { status: 400, body: { error: { code: 'flow_invalid', message: 'The flow made from template magento.shop is not valid:', details: { issues: [
      { code: 'config', nodeId: 'soap', field: 'config.wsdlUrl', message: 'node "soap": config.wsdlUrl must match pattern "^https?://"' }] } } } };
    templateServer(() => answer);
    const wizard = useNewChannelStore();
    await wizard.open();
    await wizard.chooseChannelType('magento');
    wizard.setValues(filled);
    wizard.setName('Shop');
    wizard.step = 'name';
    expect(await wizard.create()).toBeNull();
    expect(wizard.issues).toHaveLength(1);
    expect(wizard.errors['soap.wsdlUrl']).toMatch(/must match pattern/);
    wizard.setValues({ ...filled, 'soap.wsdlUrl': 'https://other.example/?wsdl=1' });
    expect(wizard.errors['soap.wsdlUrl']).toBeUndefined();

    answer = { status: 409, body: { error: { code: 'conflict', message: 'Flow "shop" already exists; choose another id or load it first.', details: { issues: [] } } } };
    expect(await wizard.create()).toBeNull();
    expect(wizard.error).toMatch(/already exists/);
    expect(wizard.issues).toEqual([]);
  });
});

describe('the wizard dialog', () => {
  it('shows the settings form with required marks and a password field, and checks the connection in place', async () => {
    const requests = templateServer();
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div />' } }] });
    const dialog = mount(NewChannelWizard, { global: { plugins: [router] } });
    await flushPromises();
    await dialog.get('[data-testid="channel-type-magento"]').trigger('click');
    await flushPromises();
    expect(dialog.get('[data-testid="wizard-template"]').text()).toContain('Magento shop');
    await dialog.get('[data-testid="wizard-next"]').trigger('click');
    expect(dialog.get('[data-testid="field-soap.wsdlUrl"]').text()).toContain('Shop WSDL*');
    expect(dialog.get('[data-testid="field-input-soap.apiKey"]').attributes('type')).toBe('password');

    await dialog.get('[data-testid="field-input-soap.wsdlUrl"]').setValue(filled['soap.wsdlUrl']);
    await dialog.get('[data-testid="field-input-soap.apiUser"]').setValue('oro');
    await dialog.get('[data-testid="field-input-soap.apiKey"]').setValue('wrong');
    await dialog.get('[data-testid="check-button"]').trigger('click');
    await flushPromises();
    expect(dialog.get('[data-testid="check-result"]').text()).toBe('✕ The API user or key was refused');
    expect(requests.at(-1)?.body).toEqual({ config: { wsdlUrl: filled['soap.wsdlUrl'], apiUser: 'oro', apiKey: 'wrong' } });
    await dialog.get('[data-testid="field-input-soap.apiKey"]').setValue('s3cret');
    expect(dialog.find('[data-testid="check-result"]').exists()).toBe(false);
    await dialog.get('[data-testid="check-button"]').trigger('click');
    await flushPromises();
    expect(dialog.get('[data-testid="check-result"]').text()).toMatch(/^✓ Logged in/);
    dialog.unmount();
  });
});
