import { defineStore } from 'pinia';
import { ref } from 'vue';
import { deleteFlow, getFlow, listFlows, putFlow } from '../api/flows-api.ts';
import type { Flow, FlowSummary } from '../api/types.ts';
import { downloadText } from '../lib/download.ts';
import { flowIdFromName, uniqueId } from '../lib/ids.ts';

/** A new, empty flow. */
export function emptyFlow(id: string, name: string): Flow {
  return { schemaVersion: 1, id, name, enabled: true, nodes: [], connections: [] };
}

/**
 * Parses a `.flow.json` file the user picked; throws a readable error when it is not a flow.
 * @example parseFlowFile('{"schemaVersion":1,"id":"a","name":"A","nodes":[],"connections":[]}').id // 'a'
 */
export function parseFlowFile(text: string): Flow {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`The file is not JSON: ${(error as Error).message}`);
  }
  const flow = parsed as Partial<Flow>;
  if (typeof flow !== 'object' || flow === null || typeof flow.id !== 'string' || !Array.isArray(flow.nodes) || !Array.isArray(flow.connections)) {
    throw new Error('The file is not a flow: it needs "id", "nodes" and "connections".');
  }
  return parsed as Flow;
}

/** The list of flows (channels) and the actions of the Flows page. */
export const useFlowsStore = defineStore('flows', () => {
  const flows = ref<FlowSummary[]>([]);
  const loading = ref(false);

  /** Reloads the list. */
  async function load(): Promise<void> {
    loading.value = true;
    try {
      flows.value = await listFlows();
    } finally {
      loading.value = false;
    }
  }

  const takenIds = (): Set<string> => new Set(flows.value.map((flow) => flow.id));

  /** Creates an empty flow named `name`; returns its id. */
  async function create(name: string): Promise<string> {
    const id = uniqueId(flowIdFromName(name), takenIds());
    await putFlow(emptyFlow(id, name));
    await load();
    return id;
  }

  /** Copies a flow under a new id and name ("… (copy)"), disabled so it does not run on its own. */
  async function duplicate(id: string): Promise<string> {
    const { flow } = await getFlow(id);
    const copyId = uniqueId(`${id}-copy`, takenIds());
    await putFlow({ ...flow, id: copyId, name: `${flow.name} (copy)`, enabled: false });
    await load();
    return copyId;
  }

  /**
   * Imports a flow file. A flow whose id is taken is imported under a free id unless `overwrite`.
   * Returns the id it was saved under.
   */
  async function importFlow(text: string, overwrite = false): Promise<string> {
    const flow = parseFlowFile(text);
    const id = overwrite ? flow.id : uniqueId(flow.id, takenIds());
    const existing = overwrite && takenIds().has(id) ? (await getFlow(id)).etag : undefined;
    await putFlow({ ...flow, id }, existing);
    await load();
    return id;
  }

  /** Downloads a flow as `<id>.flow.json`. */
  async function exportFlow(id: string): Promise<void> {
    const { flow } = await getFlow(id);
    downloadText(`${id}.flow.json`, JSON.stringify(flow, null, 2) + '\n');
  }

  /** Deletes a flow, and its entities when asked. */
  async function remove(id: string, deleteEntities: boolean): Promise<void> {
    await deleteFlow(id, deleteEntities);
    flows.value = flows.value.filter((flow) => flow.id !== id);
  }

  return { flows, loading, load, create, duplicate, importFlow, exportFlow, remove };
});
