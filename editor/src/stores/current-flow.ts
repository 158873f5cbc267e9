import { defineStore } from 'pinia';
import { computed, ref, shallowRef, toRaw } from 'vue';
import { getFlow, putFlow, restoreVersion, validateFlow, type StoredFlow } from '../api/flows-api.ts';
import type { Flow, FlowIssue, FlowNode } from '../api/types.ts';
import { graphToFlow, type GraphSnapshot } from '../graph/flow-graph.ts';
import { plainCopy } from '../lib/format.ts';
import { useCatalogueStore } from './catalogue.ts';
import type { HistoryBridge } from './history-bridge.ts';
import { refusalOf, sameStructure, type SaveOutcome } from './save-outcome.ts';

export type { EditAction, HistoryBridge } from './history-bridge.ts';
export type { SaveOutcome } from './save-outcome.ts';

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The flow being edited: the flow JSON (the model the canvas draws), its ETag, whether it differs from what
 * was saved, the server's validation issues, the selection, and the canvas history.
 */
export const useCurrentFlowStore = defineStore('currentFlow', () => {
  const flow = ref<Flow | null>(null);
  const etag = ref('');
  const savedJson = ref('');
  /** Bumped whenever the flow is replaced as a whole: the canvas redraws from scratch. */
  const generation = ref(0);
  const issues = ref<FlowIssue[]>([]);
  const selection = ref<string[]>([]);
  const saving = ref(false);
  const conflict = ref(false);
  const lastError = ref('');
  const history = shallowRef<HistoryBridge | null>(null);

  const dirty = computed(() => flow.value !== null && JSON.stringify(flow.value) !== savedJson.value);
  const nodesById = computed(() => new Map((flow.value?.nodes ?? []).map((item) => [item.id, item])));
  const selectedNode = computed(() => (selection.value.length === 1 ? nodesById.value.get(selection.value[0]) : undefined));

  /** Replaces the flow as a whole (load, restore, reload after a conflict). */
  function replace(stored: StoredFlow): void {
    flow.value = stored.flow;
    etag.value = stored.etag;
    savedJson.value = JSON.stringify(stored.flow);
    issues.value = [];
    selection.value = [];
    conflict.value = false;
    lastError.value = '';
    generation.value++;
  }

  /**
   * Loads a flow from the API. A flow with nodes of types the catalogue lacks is validated at once, so the
   * server's `unknown-type` issues show on those nodes before anyone tries to save or run it.
   */
  async function load(id: string): Promise<void> {
    replace(await getFlow(id));
    const catalogue = useCatalogueStore();
    if (catalogue.loaded && flow.value?.nodes.some((item) => !catalogue.lookup(item.type, item.version))) await revalidate().catch(() => undefined);
  }

  /** The node with `id`, if the flow has it. */
  function node(id: string): FlowNode | undefined {
    return nodesById.value.get(id);
  }

  /** Folds the canvas into the flow (called after the canvas changed). */
  function applyGraph(snapshot: GraphSnapshot): void {
    if (!flow.value) return;
    const next = graphToFlow(flow.value, snapshot);
    const nodesChanged = next.nodes.length !== flow.value.nodes.length || next.nodes.some((item, i) => toRaw(item) !== toRaw(flow.value?.nodes[i]));
    const connectionsChanged = next.connections.length !== flow.value.connections.length
      || next.connections.some((item, i) => toRaw(item) !== toRaw(flow.value?.connections[i]));
    if (nodesChanged) flow.value.nodes = next.nodes;
    if (connectionsChanged) flow.value.connections = next.connections;
    const ids = new Set(next.nodes.map((item) => item.id));
    if (selection.value.some((id) => !ids.has(id))) selection.value = selection.value.filter((id) => ids.has(id));
  }

  function setConfig(nodeId: string, config: Record<string, unknown>): void {
    const target = node(nodeId);
    if (target) target.config = config;
  }

  /** Sets a node's config; undoable. Typing in one field merges into one undo step. */
  function updateConfig(nodeId: string, config: Record<string, unknown>, field = ''): void {
    const target = node(nodeId);
    if (!target || sameJson(target.config, config)) return;
    const before = plainCopy(target.config);
    const after = plainCopy(config);
    setConfig(nodeId, after);
    // The server's config issues for this node describe the old config.
    issues.value = issues.value.filter((issue) => issue.nodeId !== nodeId || !issue.field?.startsWith('config'));
    history.value?.record({ undo: () => setConfig(nodeId, before), redo: () => setConfig(nodeId, after) }, `config:${nodeId}:${field}`);
  }

  /** Sets a node's label (empty removes it). */
  function updateLabel(nodeId: string, label: string): void {
    const target = node(nodeId);
    if (!target) return;
    if (label.trim()) target.label = label;
    else delete target.label;
  }

  /** Changes flow-level settings: name, enabled, schedule, description. */
  function updateSettings(patch: Partial<Pick<Flow, 'name' | 'enabled' | 'schedule' | 'description'>>): void {
    if (!flow.value) return;
    for (const [key, value] of Object.entries(patch) as [keyof typeof patch, unknown][]) {
      if (value === undefined) delete flow.value[key];
      else (flow.value as unknown as Record<string, unknown>)[key] = value;
    }
  }

  function accept(stored: StoredFlow, sentJson: string): void {
    etag.value = stored.etag;
    issues.value = [];
    conflict.value = false;
    if (JSON.stringify(flow.value) !== sentJson) {
      // Edited while the save was in flight: keep the edits, they are not saved yet.
      savedJson.value = sentJson;
      return;
    }
    const structureSame = flow.value !== null && sameStructure(stored.flow, flow.value);
    flow.value = stored.flow;
    savedJson.value = JSON.stringify(stored.flow);
    if (!structureSame) generation.value++;
  }

  function refuse(error: unknown): SaveOutcome {
    const refusal = refusalOf(error);
    conflict.value = refusal.outcome === 'conflict';
    if (refusal.outcome === 'invalid') issues.value = refusal.issues;
    lastError.value = refusal.message;
    return refusal.outcome;
  }

  /** Saves the flow with `If-Match` (or overwriting whatever is stored when `overwrite`). */
  async function save(overwrite = false): Promise<SaveOutcome> {
    if (!flow.value || saving.value) return 'failed';
    saving.value = true;
    lastError.value = '';
    const sent = plainCopy(flow.value);
    const sentJson = JSON.stringify(sent);
    try {
      const match = overwrite ? (await getFlow(sent.id).catch(() => ({ etag: '' }))).etag : etag.value;
      accept(await putFlow(sent, match || undefined), sentJson);
      return 'saved';
    } catch (error) {
      return refuse(error);
    } finally {
      saving.value = false;
    }
  }

  /** Drops local changes and loads what is stored now (the "reload theirs" answer to a conflict). */
  async function reloadTheirs(): Promise<void> {
    if (flow.value) await load(flow.value.id);
  }

  /** Restores a saved version (itself a new save) and redraws. */
  async function restore(version: number): Promise<void> {
    if (!flow.value) return;
    replace(await restoreVersion(flow.value.id, version));
  }

  /**
   * Asks the server to validate the flow as it is now and keeps its issues: after a refused save, the list
   * follows the user's fixes instead of showing what was wrong before.
   */
  async function revalidate(): Promise<void> {
    if (!flow.value) return;
    const sentJson = JSON.stringify(flow.value);
    const answer = await validateFlow(plainCopy(flow.value));
    if (JSON.stringify(flow.value) === sentJson) issues.value = answer.issues;
  }

  /** Issues the server reported for one node. */
  function issuesOf(nodeId: string): FlowIssue[] {
    return issues.value.filter((issue) => issue.nodeId === nodeId);
  }

  /** Lends the canvas history to the store (null when the canvas goes away). */
  function attachHistory(bridge: HistoryBridge | null): void {
    history.value = bridge;
  }

  /** Closes the flow (leaving the editor). */
  function close(): void {
    flow.value = null;
    etag.value = '';
    savedJson.value = '';
    issues.value = [];
    selection.value = [];
  }

  return {
    flow, etag, generation, issues, selection, saving, conflict, lastError, history, dirty, selectedNode,
    replace, load, node, applyGraph, updateConfig, updateLabel, updateSettings, save, reloadTheirs, restore, revalidate,
    issuesOf, attachHistory, close,
  };
});
