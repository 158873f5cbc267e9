import type { NodeCatalog } from '../../nodes/contract/catalog.ts';
import type { AnyNodeDefinition, PortSpec } from '../../nodes/contract/node-definition.ts';

/** The behaviours of a definition: functions, which the API cannot serve. */
type Behaviour = 'open' | 'close' | 'check' | 'read' | 'transform' | 'finish' | 'write';

/** A node type as the API serves it: the definition without its functions. */
export interface NodeTypeInfo extends Omit<AnyNodeDefinition, Behaviour | 'inputs' | 'outputs'> {
  inputs: Record<string, PortSpec>;
  outputs: Record<string, PortSpec>;
  /** True when the node type can test its connection (`POST /api/nodes/:type/check`). */
  checkable: boolean;
  /** `built-in`, or the file or package it came from. */
  source: string;
}

/**
 * Serializes a definition for the editor: data only (functions dropped), `checkable` from `check`, `source`
 * from the catalog.
 * @example describeNodeType(catalog.get('file.csv')!, catalog).checkable // false
 */
export function describeNodeType(definition: AnyNodeDefinition, catalog: NodeCatalog): NodeTypeInfo {
  return {
    type: definition.type,
    version: definition.version,
    category: definition.category,
    channelType: definition.channelType,
    label: definition.label,
    description: definition.description,
    config: definition.config,
    inputs: definition.inputs ?? {},
    outputs: definition.outputs ?? {},
    ...(definition.phase === undefined ? {} : { phase: definition.phase }),
    checkable: typeof definition.check === 'function',
    source: catalog.sourceOf(definition.type, definition.version) ?? 'unknown',
  };
}
