import { describe, expect, it } from 'vitest';
import { createBuiltInCatalog } from '../../../nodes/builtin.ts';
import { createBuiltInTemplateCatalog } from '../../../nodes/templates/built-in-templates.ts';
import { checkChannelType, checkTemplate } from '../../../nodes/templates/check-template.ts';
import type { FlowTemplate } from '../../../nodes/templates/flow-template.ts';
import { listChannelTypes } from '../../../nodes/templates/template-catalog.ts';

const acmeTemplate: FlowTemplate = {
  id: 'acme.basic', channelType: 'acme', label: 'Acme', description: 'd',
  flow: { nodes: [{ id: 'store', type: 'core.entity-store', version: 1, config: {} }], connections: [] },
  parameters: [],
};

describe('TemplateCatalog', () => {
  it('lists the channel types with their templates and node types, for the API', () => {
    const types = listChannelTypes(createBuiltInTemplateCatalog(), createBuiltInCatalog());
    expect(types.map((type) => type.id)).toEqual(['core', 'file', 'magento', 'rest', 'sql', 'webhook']);
    expect(types.find((type) => type.id === 'magento')).toMatchObject({
      label: 'Magento', templateIds: ['magento.shop'], nodeTypes: expect.arrayContaining(['magento.soap-transport', 'magento.customers']), source: 'built-in',
    });
    expect(types.find((type) => type.id === 'file')?.templateIds).toEqual(['file.csv-persons']);
  });

  it('adds a package\'s channel type and templates, lists undeclared channel types, and forgets a source', () => {
    const templates = createBuiltInTemplateCatalog();
    templates.add(acmeTemplate, 'acme-nodes/index.js');
    templates.add({ ...acmeTemplate, id: 'beta.basic', channelType: 'beta' }, 'beta-nodes/index.js');
    templates.addChannelType({ id: 'acme', label: 'Acme CRM', description: 'The Acme CRM.' }, 'acme-nodes/index.js');
    expect(templates.listChannelTypes().find((type) => type.id === 'acme')).toMatchObject({ label: 'Acme CRM', templateIds: ['acme.basic'] });
    expect(templates.listChannelTypes().find((type) => type.id === 'beta')).toMatchObject({ label: 'Beta', description: '', source: undefined });
    expect(() => templates.add(acmeTemplate, 'other.js')).toThrow('template acme.basic is defined twice (in acme-nodes/index.js and other.js)');
    templates.removeSource('acme-nodes/index.js');
    expect(templates.get('acme.basic')).toBeUndefined();
    expect(templates.listChannelTypes().some((type) => type.id === 'acme')).toBe(false);
    expect(templates.list('beta').map((template) => template.id)).toEqual(['beta.basic']);
  });

  it('checks what a package exports', () => {
    expect(checkTemplate(acmeTemplate)).toEqual([]);
    expect(checkTemplate({ ...acmeTemplate, parameters: [{ nodeId: 'api', field: 'url', label: 'URL' }] }))
      .toEqual(['parameter "url" names node "api", which the flow does not have']);
    expect(checkTemplate({ ...acmeTemplate, connectors: [{ id: 'x', label: 'X', nodeIds: ['nope'] }] }))
      .toEqual(['connector "x" names node "nope", which the flow does not have']);
    expect(checkTemplate({ id: 'acme.bad' })).toEqual(expect.arrayContaining(['channelType is required', 'flow is required']));
    expect(checkTemplate({ ...acmeTemplate, flow: { nodes: [{ id: 'a' }], connections: [] } })).toEqual(['flow.nodes.0.type is required', 'flow.nodes.0.version is required', 'flow.nodes.0.config is required']);
    expect(checkChannelType({ id: 'Acme', label: '' })).toEqual(expect.arrayContaining(['description is required']));
  });
});
