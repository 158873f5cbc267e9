import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiError } from '../api/http.ts';
import { followRun, getRun, listRejects, listRuns, startRun } from '../api/runs-api.ts';
import type { NodeCounts, RejectRecord, RunProgress, RunRecord } from '../api/types.ts';
import { useAuthStore } from './auth.ts';

/** Folds one progress event into a run record. */
export function applyProgress(run: RunRecord | null, event: RunProgress): RunRecord | null {
  if (event.type === 'run:start' || event.type === 'run:end') return event.run;
  if (!run || run.id !== event.runId) return run;
  return { ...run, nodes: { ...run.nodes, [event.nodeId]: event.counts }, entities: event.entities };
}

/** Runs of the open flow: starting one, following it live, its history, and the run picked for a closer look. */
export const useRunsStore = defineStore('runs', () => {
  const flowId = ref<string | null>(null);
  const history = ref<RunRecord[]>([]);
  const live = ref<RunRecord | null>(null);
  const selected = ref<RunRecord | null>(null);
  const rejects = ref<RejectRecord[]>([]);
  const rejectsCursor = ref<string | undefined>();
  const starting = ref(false);
  let stop: (() => void) | null = null;
  let poll: ReturnType<typeof setTimeout> | null = null;

  const running = computed(() => live.value?.status === 'running');
  /** The run whose counts the canvas badges show: the live one, else the one picked in the history. */
  const shown = computed(() => (running.value ? live.value : selected.value ?? live.value));
  const counts = computed<Record<string, NodeCounts>>(() => shown.value?.nodes ?? {});

  /** Follows runs of `id` (forgets the previous flow's). */
  async function open(id: string): Promise<void> {
    close();
    flowId.value = id;
    await refresh();
  }

  /** Reloads the run history. */
  async function refresh(): Promise<void> {
    if (flowId.value) history.value = await listRuns(flowId.value);
  }

  function finish(run: RunRecord): void {
    live.value = run;
    selected.value = run;
    void refresh();
    void loadRejects(run.id);
  }

  async function pollUntilDone(runId: string): Promise<void> {
    const run = await getRun(runId);
    live.value = run;
    if (run.status === 'running') poll = setTimeout(() => void pollUntilDone(runId), 1000);
    else finish(run);
  }

  function follow(runId: string): void {
    const token = useAuthStore().token ?? '';
    stop?.();
    stop = followRun(runId, token, {
      progress: (event) => { live.value = applyProgress(live.value, event); },
      end: (run) => finish(run),
      error: () => void pollUntilDone(runId),
    });
  }

  /** Starts a run (a full re-sync with `full`) and follows it. Throws `flow_busy` while another runs. */
  async function start(full: boolean): Promise<string> {
    if (!flowId.value) throw new Error('No flow is open.');
    starting.value = true;
    try {
      const runId = await startRun(flowId.value, full);
      live.value = { id: runId, flowId: flowId.value, trigger: 'manual', full, status: 'running', startedAt: new Date().toISOString(),
        nodes: {}, entities: { added: 0, updated: 0, unchanged: 0 }, rejected: 0, errors: [], cursorsBefore: {}, cursorsAfter: {} };
      selected.value = null;
      follow(runId);
      return runId;
    } finally {
      starting.value = false;
    }
  }

  /** Picks a run from the history: its counts go on the badges, its rejects are loaded. */
  async function select(run: RunRecord | null): Promise<void> {
    selected.value = run;
    rejects.value = [];
    if (run) await loadRejects(run.id);
  }

  /** Loads (more of) a run's rejected records. */
  async function loadRejects(runId: string, more = false): Promise<void> {
    try {
      const page = await listRejects(runId, more ? rejectsCursor.value : undefined);
      rejects.value = more ? [...rejects.value, ...page.items] : page.items;
      rejectsCursor.value = page.nextCursor;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
  }

  /** Stops following (leaving the editor). */
  function close(): void {
    stop?.();
    stop = null;
    if (poll) clearTimeout(poll);
    poll = null;
    flowId.value = null;
    history.value = [];
    live.value = null;
    selected.value = null;
    rejects.value = [];
  }

  return { flowId, history, live, selected, rejects, rejectsCursor, starting, running, shown, counts, open, refresh, start, select, loadRejects, close };
});
