/** What a module reload reports (`NodeModuleChange` of `watchNodeModules`), as far as editors need it. */
export interface ReloadReport {
  source: string;
  added: readonly { type: string; version: number }[];
  problems: readonly unknown[];
}

/** What `GET /api/nodes/events` sends as `nodes:changed`: which module was reloaded and what it now provides. */
export interface NodesChangedEvent {
  /** The reloaded module (file or package entry). */
  source: string;
  /** `type@version` of each node type the module now provides (empty when it failed to load). */
  nodeTypes: string[];
  /** How many load problems the module has now (details in `GET /api/nodes`). */
  problems: number;
  /** When the reload finished (ISO time). */
  at: string;
}

/** Receives node catalogue changes. */
export type NodesChangedListener = (event: NodesChangedEvent) => void;

/**
 * Condenses a watcher's reload report into the small event editors get; they refetch `GET /api/nodes`.
 * @example describeNodeChange({ source: '/x/hello.mjs', added: [hello], problems: [] }).nodeTypes // ['acme.hello@1']
 */
export function describeNodeChange(change: ReloadReport, at = new Date()): NodesChangedEvent {
  return {
    source: change.source,
    nodeTypes: change.added.map((definition) => `${definition.type}@${definition.version}`),
    problems: change.problems.length,
    at: at.toISOString(),
  };
}

/**
 * Fans node catalogue changes (the `--watch-nodes` watcher's reloads) out to the editors listening on
 * `GET /api/nodes/events`. A listener that throws is dropped; it never disturbs the others.
 * @example const remove = feed.subscribe((event) => stream.send('nodes:changed', event)); feed.publish(event);
 */
export class NodeChangeFeed {
  private readonly listeners = new Set<NodesChangedListener>();

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: NodesChangedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends an event to every listener. */
  publish(event: NodesChangedEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }

  /** How many editors are listening (for tests and diagnostics). */
  get size(): number {
    return this.listeners.size;
  }
}
