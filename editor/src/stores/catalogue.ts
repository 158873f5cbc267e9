import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { followNodeChanges, getCatalogue } from '../api/nodes-api.ts';
import type { CatalogueProblem, EntityTypeSummary, NodesChangedEvent, NodeTypeInfo } from '../api/types.ts';
import { NODE_CATEGORIES, type NodeCategory } from '../../../nodes/contract/node-definition.ts';

/** One palette group: a channel type and its node types by category. */
export interface PaletteGroup {
  channelType: string;
  categories: { category: NodeCategory; nodes: NodeTypeInfo[] }[];
}

/** True when a node type matches a palette search (label, type id, description, channel type). */
export function matchesSearch(node: NodeTypeInfo, search: string): boolean {
  const text = search.trim().toLowerCase();
  if (!text) return true;
  return [node.label, node.type, node.description, node.channelType, node.category].some((part) => part.toLowerCase().includes(text));
}

/**
 * Groups node types for the palette: by channel type (`core` first, then alphabetically), then by category
 * in the contract's palette order, each sorted by label.
 */
export function groupPalette(nodes: readonly NodeTypeInfo[], search = ''): PaletteGroup[] {
  const channels = [...new Set(nodes.map((node) => node.channelType))].sort((a, b) =>
    a === 'core' ? -1 : b === 'core' ? 1 : a.localeCompare(b));
  return channels
    .map((channelType) => ({
      channelType,
      categories: NODE_CATEGORIES.map((category) => ({
        category,
        nodes: nodes
          .filter((node) => node.channelType === channelType && node.category === category && matchesSearch(node, search))
          .sort((a, b) => a.label.localeCompare(b.label)),
      })).filter((group) => group.nodes.length > 0),
    }))
    .filter((group) => group.categories.length > 0);
}

/**
 * A sentence about a node module reload, for a notice.
 * @example nodesChangedText({ source: '/p/hello.mjs', nodeTypes: ['acme.hello@2'], problems: 0, at: '' }) // 'hello.mjs was reloaded: acme.hello@2.'
 */
export function nodesChangedText(event: NodesChangedEvent): string {
  const name = event.source.split(/[\\/]/).pop() || event.source;
  if (event.problems > 0) return `${name} was reloaded with ${event.problems} problem(s); see the server's log or GET /api/nodes.`;
  return `${name} was reloaded: ${event.nodeTypes.join(', ') || 'no node types'}.`;
}

/**
 * The node catalogue and entity types from `GET /api/nodes`, kept current while `follow` listens to the
 * server's node change events. Schemas are kept raw (never made reactive).
 */
export const useCatalogueStore = defineStore('catalogue', () => {
  const nodes = shallowRef<readonly NodeTypeInfo[]>([]);
  const entityTypes = shallowRef<readonly EntityTypeSummary[]>([]);
  const problems = shallowRef<readonly CatalogueProblem[]>([]);
  const loaded = ref(false);
  const index = computed(() => new Map(nodes.value.map((node) => [`${node.type}@${node.version}`, node])));
  const latest = computed(() => {
    const map = new Map<string, NodeTypeInfo>();
    for (const node of nodes.value) if ((map.get(node.type)?.version ?? 0) < node.version) map.set(node.type, node);
    return map;
  });

  /** Loads the catalogue (once unless `force`). */
  async function load(force = false): Promise<void> {
    if (loaded.value && !force) return;
    const answer = await getCatalogue();
    setCatalogue(answer.nodes, answer.entityTypes, answer.problems);
  }

  /** Replaces the catalogue (also used by tests). */
  function setCatalogue(list: NodeTypeInfo[], entities: EntityTypeSummary[] = [], found: CatalogueProblem[] = []): void {
    nodes.value = Object.freeze([...list]);
    entityTypes.value = Object.freeze([...entities]);
    problems.value = Object.freeze([...found]);
    loaded.value = true;
  }

  /** The definition of a type at exactly `version`; undefined when the catalogue lacks it. */
  function lookup(type: string, version: number): NodeTypeInfo | undefined {
    return index.value.get(`${type}@${version}`);
  }

  /** The latest version of a type. */
  function latestOf(type: string): NodeTypeInfo | undefined {
    return latest.value.get(type);
  }

  let unfollow: (() => void) | null = null;

  /** Refetches a catalogue that has been loaded (one never loaded is fetched when a page needs it). */
  async function refresh(): Promise<boolean> {
    if (!loaded.value) return false;
    await load(true);
    return true;
  }

  /**
   * Listens to `GET /api/nodes/events` (with `token`) and refetches the catalogue on every change, so the palette
   * follows node modules as they are edited; `onChange` hears of each change once the new catalogue is in.
   */
  function follow(token: string, onChange: (event: NodesChangedEvent) => void = () => undefined): void {
    unfollow?.();
    unfollow = followNodeChanges(token, {
      changed: (event) => void refresh().then(() => onChange(event), () => undefined),
      reconnected: () => void refresh().catch(() => undefined),
    });
  }

  /** Stops listening. */
  function stopFollowing(): void {
    unfollow?.();
    unfollow = null;
  }

  return { nodes, entityTypes, problems, loaded, load, setCatalogue, lookup, latestOf, follow, stopFollowing };
});
