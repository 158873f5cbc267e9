/**
 * Undo and redo for the canvas (rete-history-plugin's classic preset: nodes added, removed, moved,
 * connections added, removed) and for config edits made in the inspector, in one history.
 */
import { HistoryPlugin, Presets as HistoryPresets, type HistoryAction } from 'rete-history-plugin';
import type { EditAction, HistoryBridge } from '../stores/history-bridge.ts';
import type { Schemes } from './schemes.ts';

/** Edits within this many milliseconds, of the same field, undo as one step (typing a word). */
const MERGE_WINDOW_MS = 1500;

/** A config edit in the history. */
class EditHistoryAction implements HistoryAction {
  constructor(readonly mergeKey: string | undefined, public edit: EditAction) {}

  undo(): void {
    this.edit.undo();
  }

  redo(): void {
    this.edit.redo();
  }
}

/** Creates the history plugin (the caller `area.use`s it). */
export function createHistory(): HistoryPlugin<Schemes> {
  const history = new HistoryPlugin<Schemes>();
  history.addPreset(HistoryPresets.classic.setup());
  return history;
}

/** The bridge the store uses to undo, redo and record edits in the canvas history. */
export function historyBridge(history: HistoryPlugin<Schemes>): HistoryBridge {
  return {
    undo: () => history.undo(),
    redo: () => history.redo(),
    clear: () => history.clear(),
    separate: () => history.separate(),
    record(edit, mergeKey) {
      const last = history.getHistorySnapshot().at(-1);
      if (mergeKey && last?.action instanceof EditHistoryAction && last.action.mergeKey === mergeKey
        && Date.now() - last.time < MERGE_WINDOW_MS) {
        const first = last.action.edit;
        last.action.edit = { undo: first.undo, redo: edit.redo };
        last.time = Date.now();
        return;
      }
      history.add(new EditHistoryAction(mergeKey, edit));
    },
  };
}
