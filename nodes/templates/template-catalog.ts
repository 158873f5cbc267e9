import type { NodeCatalog } from '../contract/catalog.ts';
import type { ChannelTypeInfo, ChannelTypeSummary, FlowTemplate } from './flow-template.ts';

interface Sourced<T> {
  value: T;
  source: string;
}

/** A readable label for a channel type nobody declared: `acme-crm` → `Acme crm`. */
function labelOf(id: string): string {
  const words = id.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Every known channel type and flow template: the built-in ones and those packages export. Like
 * `NodeCatalog`, each entry remembers its source so a reloaded module replaces its own entries.
 */
export class TemplateCatalog {
  private readonly templates = new Map<string, Sourced<FlowTemplate>>();
  private readonly channelTypes = new Map<string, Sourced<ChannelTypeInfo>>();

  /** Adds a template; throws when its id is already taken. */
  add(template: FlowTemplate, source = 'built-in'): void {
    const known = this.templates.get(template.id);
    if (known) throw new Error(`template ${template.id} is defined twice (in ${known.source} and ${source})`);
    this.templates.set(template.id, { value: template, source });
  }

  /** Declares a channel type; throws when another source already declared it. */
  addChannelType(info: ChannelTypeInfo, source = 'built-in'): void {
    const known = this.channelTypes.get(info.id);
    if (known) throw new Error(`channel type ${info.id} is declared twice (in ${known.source} and ${source})`);
    this.channelTypes.set(info.id, { value: info, source });
  }

  /** Removes every template and channel type that came from `source` (used when reloading a module). */
  removeSource(source: string): void {
    for (const map of [this.templates, this.channelTypes] as Map<string, Sourced<unknown>>[]) {
      for (const [id, entry] of map) if (entry.source === source) map.delete(id);
    }
  }

  /** The template with this id, or undefined. */
  get(id: string): FlowTemplate | undefined {
    return this.templates.get(id)?.value;
  }

  /** Where a template came from (`built-in` or a package module). */
  sourceOf(id: string): string | undefined {
    return this.templates.get(id)?.source;
  }

  /** Every template (of one channel type when given), sorted by id. */
  list(channelType?: string): FlowTemplate[] {
    return [...this.templates.values()]
      .map((entry) => entry.value)
      .filter((template) => channelType === undefined || template.channelType === channelType)
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /**
   * The channel types for the New-channel wizard and the palette: the declared ones, plus any that only
   * node types or templates use (labelled from the id), each with its template ids and node types.
   * @example templates.listChannelTypes(catalog).find((c) => c.id === 'magento')?.templateIds // ['magento.shop']
   */
  listChannelTypes(nodes?: NodeCatalog): ChannelTypeSummary[] {
    const summaries = new Map<string, ChannelTypeSummary>();
    const summaryOf = (id: string): ChannelTypeSummary => {
      let summary = summaries.get(id);
      if (!summary) {
        const declared = this.channelTypes.get(id);
        summary = { ...(declared?.value ?? { id, label: labelOf(id), description: '' }), templateIds: [], nodeTypes: [], source: declared?.source };
        summaries.set(id, summary);
      }
      return summary;
    };
    for (const id of this.channelTypes.keys()) summaryOf(id);
    for (const template of this.list()) summaryOf(template.channelType).templateIds.push(template.id);
    for (const definition of nodes?.list() ?? []) summaryOf(definition.channelType).nodeTypes.push(definition.type);
    return [...summaries.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}

/**
 * The channel types for the API (`GET /api/channel-types`): see `TemplateCatalog.listChannelTypes`.
 * @example listChannelTypes(templates, catalog)
 */
export function listChannelTypes(templates: TemplateCatalog, nodes?: NodeCatalog): ChannelTypeSummary[] {
  return templates.listChannelTypes(nodes);
}
