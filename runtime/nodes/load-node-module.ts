import type { LoadProblem, NodeCatalog } from '../../nodes/contract/catalog.ts';
import type { AnyNodeDefinition } from '../../nodes/contract/node-definition.ts';
import { checkChannelType, checkTemplate } from '../../nodes/templates/check-template.ts';
import type { ChannelTypeInfo, FlowTemplate } from '../../nodes/templates/flow-template.ts';
import type { TemplateCatalog } from '../../nodes/templates/template-catalog.ts';
import { admitDefinition, type ModuleOrigin } from './admit-definition.ts';
import { isEmptyModule, readModuleExports } from './module-exports.ts';

/** One module to load: its origin and the URL (or package specifier) to import. */
export interface ModuleEntry extends ModuleOrigin {
  url: string;
}

/** Options of `loadNodeModule`. */
export interface LoadModuleOptions {
  /** Receives the module's channel types and templates (ignored when absent). */
  templates?: TemplateCatalog;
  /** Appended as `?v=` to the URL so a changed file is imported afresh (the watcher passes its mtime). */
  version?: string;
}

function withVersion(url: string, version: string | undefined): string {
  if (version === undefined || !url.startsWith('file:')) return url;
  return `${url}${url.includes('?') ? '&' : '?'}v=${encodeURIComponent(version)}`;
}

function addExtras(templates: TemplateCatalog, channelTypes: unknown[], list: unknown[], origin: ModuleOrigin): LoadProblem[] {
  const problems: LoadProblem[] = [];
  const admit = (kind: string, value: unknown, check: (value: unknown) => string[], add: () => void): void => {
    const id = (value as { id?: unknown } | null)?.id;
    const name = typeof id === 'string' ? `${kind} "${id}"` : kind;
    const invalid = check(value);
    try {
      if (invalid.length > 0) throw new Error(invalid.join('; '));
      add();
    } catch (error) {
      problems.push({ source: origin.source, severity: 'error', message: `${origin.label}: ${name} is not loaded: ${(error as Error).message}` });
    }
  };
  for (const info of channelTypes) admit('channel type', info, checkChannelType, () => templates.addChannelType(info as ChannelTypeInfo, origin.source));
  for (const template of list) admit('template', template, checkTemplate, () => templates.add(template as FlowTemplate, origin.source));
  return problems;
}

/**
 * Imports one node module, validates every definition, channel type and template it exports and adds the
 * sound ones to the catalogs. Never throws: every problem lands in `catalog.problems`, naming the module.
 * Returns the definitions added.
 * @example await loadNodeModule(catalog, { source: 'a.mjs', label: 'a.mjs', url: pathToFileURL('a.mjs').href });
 */
export async function loadNodeModule(catalog: NodeCatalog, entry: ModuleEntry, options: LoadModuleOptions = {}): Promise<AnyNodeDefinition[]> {
  const origin: ModuleOrigin = { source: entry.source, label: entry.label };
  let module: Record<string, unknown>;
  try {
    module = (await import(withVersion(entry.url, options.version))) as Record<string, unknown>;
  } catch (error) {
    catalog.problems.push({ source: entry.source, severity: 'error', message: `${entry.label}: cannot be imported: ${(error as Error).message}` });
    return [];
  }
  const exported = readModuleExports(module);
  if (isEmptyModule(exported)) {
    const message = `${entry.label}: exports no node definitions (expected a default export or a "nodes" export)`;
    catalog.problems.push({ source: entry.source, severity: 'error', message });
    return [];
  }
  const added: AnyNodeDefinition[] = [];
  exported.definitions.forEach((definition, index) => {
    const problems = admitDefinition(catalog, definition, index, origin);
    catalog.problems.push(...problems);
    if (!problems.some((problem) => problem.severity === 'error')) added.push(definition as AnyNodeDefinition);
  });
  if (options.templates) catalog.problems.push(...addExtras(options.templates, exported.channelTypes, exported.templates, origin));
  return added;
}
