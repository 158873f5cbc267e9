/** What a node module offers: node definitions, channel types and flow templates (each unchecked). */
export interface NodeModuleExports {
  /** The default export and the `nodes` export, each one definition or a list. */
  definitions: unknown[];
  /** The `channelTypes` export: `{ id, label, description }` each. */
  channelTypes: unknown[];
  /** The `templates` export: flow templates of the module's channel types. */
  templates: unknown[];
}

function listOf(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Reads what a module exports for Tributary. A definition exported twice (as default and in `nodes`) counts once.
 * @example readModuleExports({ default: definition, nodes: [definition] }).definitions.length // 1
 */
export function readModuleExports(module: Record<string, unknown>): NodeModuleExports {
  return {
    definitions: [...new Set([...listOf(module.default), ...listOf(module.nodes)])],
    channelTypes: listOf(module.channelTypes),
    templates: listOf(module.templates),
  };
}

/** True when the module offers nothing Tributary can use. */
export function isEmptyModule(exports: NodeModuleExports): boolean {
  return exports.definitions.length + exports.channelTypes.length + exports.templates.length === 0;
}
