/** The undo history the canvas lends to the store, so edits outside the canvas undo with the rest. */

/** An undoable change outside the canvas (a config edit), recorded in the canvas history. */
export interface EditAction {
  undo(): void;
  redo(): void;
}

/** What the canvas lends the store: its undo history (rete-history-plugin). */
export interface HistoryBridge {
  undo(): Promise<void>;
  redo(): Promise<void>;
  clear(): void;
  /** Ends the current undo step: what comes next undoes on its own. */
  separate(): void;
  /** Records an edit; consecutive edits with the same `mergeKey` become one step. */
  record(action: EditAction, mergeKey?: string): void;
}
