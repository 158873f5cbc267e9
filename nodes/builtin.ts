import { NodeCatalog } from './contract/catalog.ts';
import type { AnyNodeDefinition } from './contract/node-definition.ts';
import { entityStoreNode } from './core/entity-store/definition.ts';
import { fieldMapperNode } from './core/field-mapper/definition.ts';
import { filterNode } from './core/filter/definition.ts';
import { fileCsvNode } from './file/csv/definition.ts';
import { fileJsonNode } from './file/json/definition.ts';
import { fileJsonlNode } from './file/jsonl/definition.ts';
import { fileTransportNode } from './file/transport/definition.ts';
import * as magento from './magento/index.ts';
import * as rest from './rest/index.ts';
import * as sql from './sql/index.ts';
import { webhookFormNode } from './webhook/form/definition.ts';

/** Every node type that ships with Tributary. One line per node type; add yours at the end. */
export const builtInNodes: AnyNodeDefinition[] = [
  fileTransportNode,
  fileCsvNode,
  fileJsonlNode,
  fileJsonNode,
  fieldMapperNode,
  filterNode,
  entityStoreNode,
  magento.magentoSoapTransportNode,
  magento.magentoStoresNode,
  magento.magentoCustomerGroupsNode,
  magento.magentoRegionsNode,
  magento.magentoCustomersNode,
  magento.magentoOrdersNode,
  magento.magentoProductsNode,
  magento.magentoCartsNode,
  magento.magentoCustomerMapperNode,
  magento.magentoCustomerGroupMapperNode,
  magento.magentoOrderMapperNode,
  magento.magentoProductMapperNode,
  magento.magentoCartMapperNode,
  rest.restTransportNode,
  rest.restCollectionNode,
  sql.sqlTransportNode,
  sql.sqlQueryNode,
  webhookFormNode,
];

/**
 * A catalog holding the built-in node types (custom modules are added by `loadNodeModules`).
 * @example createBuiltInCatalog().get('file.csv')?.label // 'CSV files'
 */
export function createBuiltInCatalog(): NodeCatalog {
  const catalog = new NodeCatalog();
  for (const definition of builtInNodes) catalog.add(definition, 'built-in');
  return catalog;
}
