import { NodeCatalog } from './contract/catalog.ts';
import type { AnyNodeDefinition } from './contract/node-definition.ts';
import { entityStoreNode } from './core/entity-store/definition.ts';
import { fieldMapperNode } from './core/field-mapper/definition.ts';
import { filterNode } from './core/filter/definition.ts';
import { fileCsvNode } from './file/csv/definition.ts';
import { fileJsonNode } from './file/json/definition.ts';
import { fileJsonlNode } from './file/jsonl/definition.ts';
import { fileTransportNode } from './file/transport/definition.ts';

/** Every node type that ships with Tributary. One line per node type; add yours at the end. */
export const builtInNodes: AnyNodeDefinition[] = [
  fileTransportNode,
  fileCsvNode,
  fileJsonlNode,
  fileJsonNode,
  fieldMapperNode,
  filterNode,
  entityStoreNode,
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
