import type { AnyNodeDefinition, PortSpec } from './node-definition.ts';
import type { SocketType } from './socket.ts';

/** A node module that could not be loaded, and why. */
export interface LoadProblem {
  /** Package or file the problem comes from. */
  source: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Every known node type, by type id and version. Built-ins and custom modules alike. */
export class NodeCatalog {
  private readonly byType = new Map<string, Map<number, AnyNodeDefinition>>();
  private readonly sources = new Map<string, string>();
  /** Modules that failed to load, or loaded with warnings. */
  readonly problems: LoadProblem[] = [];

  /** Adds a definition; throws when the same type and version is already known. */
  add(definition: AnyNodeDefinition, source = 'built-in'): void {
    const versions = this.byType.get(definition.type) ?? new Map<number, AnyNodeDefinition>();
    if (versions.has(definition.version)) {
      const first = this.sources.get(`${definition.type}@${definition.version}`);
      throw new Error(`node type ${definition.type} version ${definition.version} is defined twice (in ${first} and ${source})`);
    }
    versions.set(definition.version, definition);
    this.byType.set(definition.type, versions);
    this.sources.set(`${definition.type}@${definition.version}`, source);
  }

  /** Removes every definition that came from `source` (used when reloading a module). */
  removeSource(source: string): void {
    for (const [key, from] of this.sources) {
      if (from !== source) continue;
      const [type, version] = key.split('@');
      this.byType.get(type)?.delete(Number(version));
      if (this.byType.get(type)?.size === 0) this.byType.delete(type);
      this.sources.delete(key);
    }
  }

  /** The definition of `type` at `version`, or the latest version when none is given. */
  get(type: string, version?: number): AnyNodeDefinition | undefined {
    const versions = this.byType.get(type);
    if (!versions) return undefined;
    if (version !== undefined) return versions.get(version);
    return versions.get(Math.max(...versions.keys()));
  }

  /** Where a definition came from (`built-in`, a file or a package). */
  sourceOf(type: string, version: number): string | undefined {
    return this.sources.get(`${type}@${version}`);
  }

  /** The latest version of every type, sorted by type id. */
  list(): AnyNodeDefinition[] {
    return [...this.byType.keys()].sort().map((type) => this.get(type) as AnyNodeDefinition);
  }
}

/**
 * The socket type of a port for a given config: `{field}` placeholders take the config's value, or `*`
 * while the field is not set (or is a reference resolved only at run time).
 * @example resolvePortSocket({ socket: 'entities:{entityType}' }, { entityType: 'person' }) // 'entities:person'
 */
export function resolvePortSocket(port: PortSpec, config: Record<string, unknown>): SocketType {
  return port.socket.replace(/\{([A-Za-z0-9_]+)\}/g, (_match, field: string) => {
    const value = config[field];
    return typeof value === 'string' && value.length > 0 ? value : '*';
  });
}
