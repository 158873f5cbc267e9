import type { NodeCatalog } from '../../nodes/contract/catalog.ts';
import type { Flow, FlowNode } from '../../nodes/contract/flow-file.ts';
import type { JsonSchema } from '../../nodes/contract/json-schema.ts';
import { isEnvReference, isSecretReference } from '../../nodes/contract/references.ts';

/** What saving a flow does to the secret store: values to store, and the refs the flow still uses. */
export interface SecretPlan {
  /** The flow as it will be written: every plain `writeOnly` value replaced by `{ "$secret": ref }`. */
  flow: Flow;
  /** New secret values by ref. */
  writes: Map<string, string>;
  /** Refs under `<flowId>/` the saved flow points at; every other stored ref under it can go. */
  used: Set<string>;
}

/**
 * The secret store ref of a `writeOnly` config field: `<flowId>/<nodeId>/<field>` (nested fields dotted).
 * @example secretRefOf('shop', 'soap', ['apiKey']) // 'shop/soap/apiKey'
 */
export function secretRefOf(flowId: string, nodeId: string, field: string[]): string {
  return `${flowId}/${nodeId}/${field.join('.')}`;
}

/** Paths of every property marked `writeOnly: true` in an object schema, following nested `properties`. */
export function writeOnlyPaths(schema: JsonSchema, prefix: string[] = []): string[][] {
  if (typeof schema !== 'object' || !schema.properties) return [];
  const paths: string[][] = [];
  for (const [key, property] of Object.entries(schema.properties)) {
    if (typeof property !== 'object') continue;
    if (property.writeOnly === true) paths.push([...prefix, key]);
    else paths.push(...writeOnlyPaths(property, [...prefix, key]));
  }
  return paths;
}

/** Moves one field's plain value into `plan.writes`, or notes the placeholder it keeps; null deletes it. */
function planField(config: Record<string, unknown>, path: string[], ref: string, plan: SecretPlan): void {
  let parent: Record<string, unknown> | undefined = config;
  for (const key of path.slice(0, -1)) {
    const next: unknown = parent?.[key];
    parent = typeof next === 'object' && next !== null && !Array.isArray(next) ? (next as Record<string, unknown>) : undefined;
  }
  const last = path[path.length - 1];
  if (!parent || !(last in parent)) return;
  const value = parent[last];
  if (value === null || value === undefined) {
    delete parent[last];
  } else if (isSecretReference(value)) {
    plan.used.add(value.$secret);
  } else if (!isEnvReference(value)) {
    plan.writes.set(ref, typeof value === 'string' ? value : JSON.stringify(value));
    plan.used.add(ref);
    parent[last] = { $secret: ref };
  }
}

function planNode(flowId: string, node: FlowNode, catalog: NodeCatalog, plan: SecretPlan): void {
  const definition = catalog.get(node.type, node.version);
  if (!definition || typeof node.config !== 'object' || node.config === null) return;
  for (const path of writeOnlyPaths(definition.config)) {
    planField(node.config, path, secretRefOf(flowId, node.id, path), plan);
  }
}

/**
 * Plans how a flow is saved without any plaintext secret: a plain value in a `writeOnly` field becomes a
 * secret stored under `<flowId>/<nodeId>/<field>`, the placeholder `{ "$secret": ref }` saved back keeps the
 * stored secret, and `null` or a removed field lets it be deleted. Does not modify `input`.
 */
export function planFlowSecrets(input: Flow, catalog: NodeCatalog): SecretPlan {
  const plan: SecretPlan = { flow: structuredClone(input), writes: new Map(), used: new Set() };
  if (!Array.isArray(plan.flow.nodes)) return plan;
  for (const node of plan.flow.nodes) {
    if (typeof node === 'object' && node !== null) planNode(plan.flow.id, node, catalog, plan);
  }
  for (const node of plan.flow.nodes) collectSecretRefs(node?.config, plan.used);
  return plan;
}

/** Adds every `$secret` ref found anywhere in `value` to `refs`. */
export function collectSecretRefs(value: unknown, refs: Set<string>): Set<string> {
  if (isSecretReference(value)) refs.add(value.$secret);
  else if (Array.isArray(value)) for (const item of value) collectSecretRefs(item, refs);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) collectSecretRefs(item, refs);
  return refs;
}
