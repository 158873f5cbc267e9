import type { Flow, FlowConnection } from '../../nodes/contract/flow-file.ts';

const FLOW_KEYS = ['schemaVersion', 'id', 'name', 'description', 'enabled', 'schedule', 'settings', 'nodes', 'connections'];
const NODE_KEYS = ['id', 'type', 'version', 'label', 'position', 'config'];
const KNOWN_ORDERS: Record<string, string[]> = {
  schedule: ['cron', 'timezone'],
  settings: ['batchSize', 'runRetention'],
  position: ['x', 'y'],
  endpoint: ['node', 'port'],
};

type Json = unknown;

/** Rebuilds `value` with keys in `order` first, then any others alphabetically; undefined values dropped. */
function ordered(value: Record<string, Json>, order: string[], child: (key: string, item: Json) => Json): Record<string, Json> {
  const keys = [...order.filter((key) => key in value), ...Object.keys(value).filter((key) => !order.includes(key)).sort()];
  const out: Record<string, Json> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = child(key, value[key]);
  return out;
}

/** Config values: object keys sorted alphabetically at every depth, arrays kept in order. */
function sortDeep(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (typeof value === 'object' && value !== null) return ordered(value as Record<string, Json>, [], (_key, item) => sortDeep(item));
  return value;
}

function orderNode(node: Record<string, Json>): Record<string, Json> {
  return ordered(node, NODE_KEYS, (key, item) => {
    if (key === 'position') return ordered(item as Record<string, Json>, KNOWN_ORDERS.position, (_k, v) => v);
    return sortDeep(item);
  });
}

function orderConnection(connection: FlowConnection): Json {
  const endpoint = (item: Json): Json => ordered(item as Record<string, Json>, KNOWN_ORDERS.endpoint, (_k, v) => v);
  return ordered(connection as unknown as Record<string, Json>, ['from', 'to'], (_key, item) => endpoint(item));
}

function connectionKey(connection: FlowConnection): string {
  return [connection.from.node, connection.from.port, connection.to.node, connection.to.port].join('\u0000');
}

/**
 * The canonical text of a flow file: keys in a fixed order (file fields, then node fields, config keys
 * alphabetically), connections sorted, two-space indent and a final newline. Saving the same flow twice
 * gives the same bytes, so diffs in git show only real changes.
 * @example await writeFile('flows/shop.flow.json', serializeFlow(flow));
 */
export function serializeFlow(flow: Flow): string {
  const connections = [...flow.connections].sort((a, b) => (connectionKey(a) < connectionKey(b) ? -1 : connectionKey(a) > connectionKey(b) ? 1 : 0));
  const canonical = ordered({ ...flow, connections } as unknown as Record<string, Json>, FLOW_KEYS, (key, item) => {
    if (key === 'nodes') return (item as Record<string, Json>[]).map(orderNode);
    if (key === 'connections') return (item as FlowConnection[]).map(orderConnection);
    if (key in KNOWN_ORDERS) return ordered(item as Record<string, Json>, KNOWN_ORDERS[key], (_k, v) => sortDeep(v));
    return sortDeep(item);
  });
  return `${JSON.stringify(canonical, null, 2)}\n`;
}
