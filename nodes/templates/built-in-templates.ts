import { csvPersonsTemplate } from '../file/templates/csv-persons.ts';
import { magentoShopTemplate } from '../magento/templates/magento-shop.ts';
import { restCollectionTemplate } from '../rest/templates/rest-collection.ts';
import type { ChannelTypeInfo, FlowTemplate } from './flow-template.ts';
import { TemplateCatalog } from './template-catalog.ts';

/** The channel types that ship with Tributary. */
export const BUILT_IN_CHANNEL_TYPES: readonly ChannelTypeInfo[] = [
  { id: 'magento', label: 'Magento', description: 'A Magento 1 shop over its SOAP API v2: customers, orders, products, carts.' },
  { id: 'rest', label: 'REST API', description: 'Any HTTP JSON API: collections read page by page, incrementally by a cursor field.' },
  { id: 'sql', label: 'SQL database', description: 'Tables or queries of a PostgreSQL or MySQL/MariaDB database.' },
  { id: 'file', label: 'Files', description: 'CSV, JSON and JSON Lines files in a folder on the runtime machine.' },
  { id: 'webhook', label: 'Webhook', description: 'Records an outside system pushes to Tributary over HTTP (a contact form, a shop event).' },
  { id: 'core', label: 'Core', description: 'Mappers, filters and the entity store, used by every channel.' },
];

/** The flow templates that ship with Tributary. One line per template; add yours at the end. */
export const builtInTemplates: readonly FlowTemplate[] = [magentoShopTemplate, csvPersonsTemplate, restCollectionTemplate];

/**
 * A template catalog holding the built-in channel types and templates (packages add theirs on load).
 * @example createBuiltInTemplateCatalog().get('magento.shop')?.label // 'Magento shop'
 */
export function createBuiltInTemplateCatalog(): TemplateCatalog {
  const templates = new TemplateCatalog();
  for (const info of BUILT_IN_CHANNEL_TYPES) templates.addChannelType(info, 'built-in');
  for (const template of builtInTemplates) templates.add(template, 'built-in');
  return templates;
}
