import { compileConfigSchema } from '../../nodes/contract/config-validation.ts';
import { NODE_CATEGORIES, type AnyNodeDefinition, type NodeCategory } from '../../nodes/contract/node-definition.ts';
import { parseSocket, SOCKET_KINDS } from '../../nodes/contract/socket.ts';

/** `channel.name`: lower-case words with digits, `-` or `_`, joined by dots, at least two parts. */
const TYPE_ID = /^[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$/;

/** The behaviour each category needs (one of them). */
const BEHAVIOURS: Record<NodeCategory, string[]> = {
  transport: ['open'],
  connector: ['read', 'transform'],
  source: ['read'],
  mapper: ['transform'],
  transform: ['transform'],
  store: ['write'],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkPorts(definition: Record<string, unknown>, side: 'inputs' | 'outputs'): string[] {
  const ports = definition[side];
  if (ports === undefined) return [];
  if (!isRecord(ports)) return [`${side} must be an object of named ports`];
  return Object.entries(ports).flatMap(([name, port]) => {
    if (!isRecord(port) || typeof port.socket !== 'string') return [`${side}.${name} needs a socket type string`];
    try {
      const { kind } = parseSocket(port.socket);
      return (SOCKET_KINDS as readonly string[]).includes(kind)
        ? []
        : [`${side}.${name}: socket kind "${kind}" is not one of ${SOCKET_KINDS.join(', ')}`];
    } catch (error) {
      return [`${side}.${name}: ${(error as Error).message}`];
    }
  });
}

function checkBehaviour(definition: Record<string, unknown>, category: NodeCategory): string[] {
  const problems = ['open', 'close', 'check', 'read', 'transform', 'write']
    .filter((name) => definition[name] !== undefined && typeof definition[name] !== 'function')
    .map((name) => `${name} must be a function`);
  const needed = BEHAVIOURS[category];
  if (!needed.some((name) => typeof definition[name] === 'function')) {
    problems.push(`a ${category} node needs ${needed.map((name) => `${name}()`).join(' or ')}`);
  }
  return problems;
}

function checkConfigSchema(definition: Record<string, unknown>): string[] {
  const config = definition.config;
  if (!isRecord(config) || config.type !== 'object') return ['config must be a JSON Schema with type "object"'];
  try {
    compileConfigSchema(definition as unknown as AnyNodeDefinition);
    return [];
  } catch (error) {
    return [`config schema does not compile: ${(error as Error).message}`];
  }
}

/**
 * Checks a node definition a custom module exports before it enters the catalogue: required fields, the
 * `channel.name` type id, the category, a positive integer version, a compiling config schema, parseable
 * port sockets and the behaviour its category needs. Returns the problems (empty when it is sound).
 * @example validateNodeDefinition({ type: 'Bad Id' }) // ['type "Bad Id" must look like "channel.name" ...', ...]
 */
export function validateNodeDefinition(value: unknown): string[] {
  if (!isRecord(value)) return ['a node definition must be an object'];
  const problems: string[] = [];
  if (typeof value.type !== 'string' || !TYPE_ID.test(value.type)) {
    problems.push(`type ${JSON.stringify(value.type)} must look like "channel.name" (lower case, for example "acme.orders")`);
  }
  if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 1) {
    problems.push(`version must be a positive integer (got ${JSON.stringify(value.version)})`);
  }
  for (const field of ['channelType', 'label'] as const) {
    if (typeof value[field] !== 'string' || value[field] === '') problems.push(`${field} must be a non-empty string`);
  }
  if (typeof value.description !== 'string') problems.push('description must be a string');
  const category = value.category as NodeCategory;
  if (!NODE_CATEGORIES.includes(category)) {
    problems.push(`category ${JSON.stringify(value.category)} must be one of ${NODE_CATEGORIES.join(', ')}`);
  } else {
    problems.push(...checkBehaviour(value, category));
  }
  problems.push(...checkConfigSchema(value), ...checkPorts(value, 'inputs'), ...checkPorts(value, 'outputs'));
  return problems;
}
