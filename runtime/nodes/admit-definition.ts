import type { LoadProblem, NodeCatalog } from '../../nodes/contract/catalog.ts';
import type { AnyNodeDefinition } from '../../nodes/contract/node-definition.ts';
import { validateNodeDefinition } from './validate-node-definition.ts';

/** Where a module's problems are reported: its catalog source and how messages name it. */
export interface ModuleOrigin {
  /** The key of its definitions in the catalog (`sourceOf`, `removeSource`). */
  source: string;
  /** How messages name it: the file path, or `package "x" (dist/index.js)`. */
  label: string;
}

function describeDefinition(value: unknown, index: number): string {
  const type = (value as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? `node type "${type}"` : `definition #${index + 1}`;
}

/** Version rules across sources: a lower version than another source's latest is refused; a higher one is noted. */
function checkVersion(catalog: NodeCatalog, definition: AnyNodeDefinition, origin: ModuleOrigin): LoadProblem | undefined {
  const latest = catalog.get(definition.type);
  const latestSource = latest && catalog.sourceOf(latest.type, latest.version);
  if (!latest || latestSource === origin.source || latest.version === definition.version) return undefined;
  const name = `node type "${definition.type}"`;
  if (latest.version > definition.version) {
    return {
      source: origin.source,
      severity: 'error',
      message: `${origin.label}: ${name} is not loaded: version ${definition.version} is lower than version ${latest.version} already loaded from ${latestSource}; a type's version never goes backwards (update this package, or remove the older copy)`,
    };
  }
  return {
    source: origin.source,
    severity: 'warning',
    message: `${origin.label}: ${name} version ${definition.version} takes over from version ${latest.version} (${latestSource}) as the latest`,
  };
}

/**
 * Checks one exported definition and adds it to the catalog when it is sound. Returns the problems found
 * (an error means it was not added; a warning means it was added with a note). Never throws.
 * @example admitDefinition(catalog, definition, 0, { source: 'a.mjs', label: 'a.mjs' }) // []
 */
export function admitDefinition(catalog: NodeCatalog, value: unknown, index: number, origin: ModuleOrigin): LoadProblem[] {
  const name = describeDefinition(value, index);
  const invalid = validateNodeDefinition(value);
  if (invalid.length > 0) {
    return [{ source: origin.source, severity: 'error', message: `${origin.label}: ${name} is not loaded: ${invalid.join('; ')}` }];
  }
  const definition = value as AnyNodeDefinition;
  const version = checkVersion(catalog, definition, origin);
  if (version?.severity === 'error') return [version];
  try {
    catalog.add(definition, origin.source);
  } catch (error) {
    return [{ source: origin.source, severity: 'error', message: `${origin.label}: ${name} is not loaded: ${(error as Error).message}` }];
  }
  return version ? [version] : [];
}
