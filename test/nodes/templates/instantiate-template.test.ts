import { describe, expect, it } from 'vitest';
import { createBuiltInCatalog } from '../../../nodes/builtin.ts';
import { FlowDefinitionError } from '../../../nodes/contract/errors.ts';
import type { Flow } from '../../../nodes/contract/flow-file.ts';
import { validateFlow } from '../../../nodes/contract/validate-flow.ts';
import { builtInTemplates, createBuiltInTemplateCatalog } from '../../../nodes/templates/built-in-templates.ts';
import { checkTemplate, missingNodeTypes } from '../../../nodes/templates/check-template.ts';
import { instantiateTemplate, type InstantiateOptions } from '../../../nodes/templates/instantiate-template.ts';

const catalog = createBuiltInCatalog();
const templates = createBuiltInTemplateCatalog();
const magento = templates.get('magento.shop')!;
const soap = { wsdlUrl: 'https://shop.example/index.php/api/v2_soap/?wsdl=1', apiUser: 'oro', apiKey: 's3cret' };
const magentoOptions: InstantiateOptions = { flowId: 'magento-main', name: 'Magento main store', values: { soap } };

function failure(run: () => unknown): FlowDefinitionError {
  try {
    run();
  } catch (error) {
    if (error instanceof FlowDefinitionError) return error;
    throw error;
  }
  throw new Error('expected a FlowDefinitionError');
}

const ids = (flow: Flow) => flow.nodes.map((node) => node.id);
const touches = (flow: Flow, id: string) => flow.connections.some(({ from, to }) => from.node === id || to.node === id);

describe('built-in templates', () => {
  it.each(builtInTemplates.map((template) => [template.id, template] as const))('%s is sound and uses installed node types', (_id, template) => {
    expect(checkTemplate(template)).toEqual([]);
    expect(missingNodeTypes(template, catalog)).toEqual([]);
  });
});

describe('instantiateTemplate (Magento shop)', () => {
  it('gives a valid flow with the default connectors and the filled settings', () => {
    const flow = instantiateTemplate(magento, magentoOptions, catalog);
    expect(validateFlow(flow, catalog).issues).toEqual([]);
    expect(flow).toMatchObject({ schemaVersion: 1, id: 'magento-main', name: 'Magento main store', enabled: true, schedule: { cron: '*/15 * * * *' } });
    expect(flow.nodes.find((node) => node.id === 'soap')?.config).toEqual(soap);
    expect(ids(flow)).toEqual(['soap', 'customer-groups', 'to-person-group', 'customers', 'to-person', 'products', 'to-product', 'orders', 'to-order', 'store']);
    expect(touches(flow, 'carts')).toBe(false);
    expect(magento.flow.nodes.find((node) => node.id === 'soap')?.config).toEqual({});
  });

  it('removes unticked connectors with their mappers and connections', () => {
    const flow = instantiateTemplate(magento, { ...magentoOptions, connectors: ['customers', 'orders'] }, catalog);
    expect(validateFlow(flow, catalog).issues).toEqual([]);
    expect(ids(flow)).toEqual(['soap', 'customers', 'to-person', 'orders', 'to-order', 'store']);
    for (const removed of ['customer-groups', 'to-person-group', 'products', 'to-product', 'carts', 'to-cart']) expect(touches(flow, removed)).toBe(false);
  });

  it('keeps the order reader that carts need when only carts are ticked', () => {
    const flow = instantiateTemplate(magento, { ...magentoOptions, connectors: ['carts'] }, catalog);
    expect(validateFlow(flow, catalog).issues).toEqual([]);
    expect(ids(flow)).toEqual(['soap', 'orders', 'carts', 'to-cart', 'store']);
  });

  it('names every missing setting, unknown connector and unknown node at once', () => {
    const error = failure(() => instantiateTemplate(magento, {
      flowId: 'magento-main', name: 'Magento', connectors: ['customers', 'wishlists'], values: { soap: { apiUser: 'oro' }, shop: { x: 1 } },
    }, catalog));
    expect(error.issues.map((issue) => [issue.code, issue.nodeId, issue.field])).toEqual([
      ['unknown-connector', undefined, 'connectors'],
      ['unknown-node', 'shop', undefined],
      ['missing-parameter', 'soap', 'config.wsdlUrl'],
      ['missing-parameter', 'soap', 'config.apiKey'],
    ]);
    expect(error.message).toMatch(/node "soap": WSDL URL \(config.wsdlUrl\) is required/);
  });

  it('reports config problems of the filled values through flow validation', () => {
    const error = failure(() => instantiateTemplate(magento, { ...magentoOptions, flowId: 'Bad Id', values: { soap: { ...soap, wsdlUrl: 'ftp://x' } } }, catalog));
    expect(error.issues.map((issue) => issue.message)).toEqual([expect.stringMatching(/^id must match pattern/)]);
    const config = failure(() => instantiateTemplate(magento, { ...magentoOptions, values: { soap: { ...soap, wsdlUrl: 'ftp://x' } } }, catalog));
    expect(config.issues).toEqual([expect.objectContaining({ code: 'config', nodeId: 'soap', field: 'config.wsdlUrl' })]);
  });
});

describe('instantiateTemplate (file and REST)', () => {
  it('makes a CSV → field mapper → store flow', () => {
    const flow = instantiateTemplate(templates.get('file.csv-persons')!, {
      flowId: 'crm-export', name: 'CRM export', values: { files: { baseDir: 'data/crm' }, rows: { glob: '*.csv', delimiter: ';' } }, schedule: { cron: '0 6 * * *' },
    }, catalog);
    expect(validateFlow(flow, catalog).issues).toEqual([]);
    expect(flow.schedule).toEqual({ cron: '0 6 * * *' });
    expect(flow.nodes.find((node) => node.id === 'rows')?.config).toEqual({ glob: '*.csv', delimiter: ';' });
  });

  it('makes a REST collection flow, with dotted fields and an entity type of choice', () => {
    const flow = instantiateTemplate(templates.get('rest.collection')!, {
      flowId: 'shop-api', name: 'Shop API',
      values: { api: { baseUrl: 'https://api.example.com/v1', authType: 'bearer', token: 't0ken', 'headers.Accept-Language': 'en' }, items: { path: 'products' }, 'to-entity': { entityType: 'product', fields: [{ target: 'sku', source: 'sku' }] } },
    }, catalog);
    expect(validateFlow(flow, catalog).issues).toEqual([]);
    expect(flow.nodes.find((node) => node.id === 'api')?.config).toMatchObject({ headers: { 'Accept-Language': 'en' }, token: 't0ken' });
    const manual = instantiateTemplate(templates.get('rest.collection')!, {
      flowId: 'shop-api', name: 'Shop API', schedule: null, enabled: false, values: { api: { baseUrl: 'https://api.example.com' }, items: { path: 'customers' } },
    }, catalog);
    expect(manual).not.toHaveProperty('schedule');
    expect(manual.enabled).toBe(false);
  });
});
