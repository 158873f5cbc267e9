/**
 * The canvas: a Rete v2 editor with area, connections, Vue rendering, selection, history and minimap,
 * wired to callbacks. It knows nothing of the API or the stores; the flow editor page connects it.
 */
import { createApp } from 'vue';
import type { Pinia } from 'pinia';
import { NodeEditor } from 'rete';
import { AreaExtensions, AreaPlugin } from 'rete-area-plugin';
import { ConnectionPlugin } from 'rete-connection-plugin';
import { MinimapPlugin } from 'rete-minimap-plugin';
import { Presets as VuePresets, VuePlugin } from 'rete-vue-plugin';
import FlowConnectionLine from '../components/canvas/FlowConnectionLine.vue';
import FlowNodeCard from '../components/canvas/FlowNodeCard.vue';
import PortSocketDot from '../components/canvas/PortSocketDot.vue';
import type { FlowNode } from '../api/types.ts';
import type { HistoryBridge } from '../stores/history-bridge.ts';
import { arrangeGraph } from './auto-arrange.ts';
import { addConnectionView, addNodeView, importGraph, type CanvasCore } from './canvas-io.ts';
import { createHistory, historyBridge } from './canvas-history.ts';
import { guardEditor, guardedFlow, type ConnectJudge } from './connection-guard.ts';
import type { GraphConnectionSpec, GraphNodeSpec, GraphSpec, Position } from './flow-graph.ts';
import type { AreaExtra, Schemes } from './schemes.ts';
import { ReportingSelector } from './selection.ts';
import { watchGraph } from './graph-events.ts';

/** The signals the minimap redraws on. */
const MINIMAP_SIGNALS = new Set(['nodetranslated', 'nodecreated', 'noderemoved', 'translated', 'resized', 'noderesized', 'zoomed']);

/** What the canvas tells its owner. */
export interface CanvasOptions {
  pinia: Pinia;
  judge: ConnectJudge;
  /** A connection was refused; `reason` says why. */
  onRefuse(reason: string): void;
  /** Nodes, connections or positions changed. */
  onChange(): void;
  onSelect(nodeIds: string[]): void;
  /** The flow node about to leave the canvas, so undo can bring it back as it was. */
  nodeData(nodeId: string): FlowNode | undefined;
}

/** A canvas mounted in a container. */
export interface Canvas extends CanvasCore {
  history: HistoryBridge;
  /** Draws a flow's graph from scratch (no history, nothing refused) and zooms to fit. */
  load(graph: GraphSpec): Promise<void>;
  addNode(spec: GraphNodeSpec): Promise<void>;
  addConnection(spec: GraphConnectionSpec): Promise<boolean>;
  removeNodes(nodeIds: readonly string[]): Promise<void>;
  select(nodeIds: readonly string[]): Promise<void>;
  selected(): string[];
  fit(): Promise<void>;
  arrange(): Promise<void>;
  /** Canvas coordinates of a point on the screen. */
  toCanvas(clientX: number, clientY: number): Position;
  /** Canvas coordinates of the middle of the visible area. */
  centre(): Position;
  /** Redraws a node (after its label or ports changed). */
  refresh(nodeId: string): Promise<void>;
  destroy(): void;
}

function createRender(pinia: Pinia): VuePlugin<Schemes, AreaExtra> {
  const render = new VuePlugin<Schemes, AreaExtra>({ setup: (context) => createApp(context).use(pinia) });
  render.addPreset(VuePresets.classic.setup({
    customize: { node: () => FlowNodeCard, socket: () => PortSocketDot, connection: () => FlowConnectionLine },
  }));
  render.addPreset(VuePresets.minimap.setup({ size: 180 }));
  return render;
}

/** Creates the canvas inside `container`. */
export function createCanvas(container: HTMLElement, options: CanvasOptions): Canvas {
  const editor = new NodeEditor<Schemes>();
  const area = new AreaPlugin<Schemes, AreaExtra>(container);
  const connection = new ConnectionPlugin<Schemes, AreaExtra>();
  const history = createHistory();
  const core: CanvasCore = { editor, area };
  let importing = false;

  const guard = { judge: options.judge, refuse: (reason: string) => options.onRefuse(reason), bypass: () => importing };
  guardEditor(core, guard);
  connection.addPreset(() => guardedFlow(connection, guard));
  const selector = new ReportingSelector(options.onSelect);
  const selectable = AreaExtensions.selectableNodes(area, selector, { accumulating: AreaExtensions.accumulateOnCtrl() });
  AreaExtensions.simpleNodesOrder(area);

  editor.use(area);
  area.use(connection);
  area.use(createRender(options.pinia));
  area.use(history);
  watchGraph(core, { onChange: () => { if (!importing) options.onChange(); }, nodeData: options.nodeData });
  // The minimap redraws on every node signal; while a flow is drawn it would redraw once per node (O(n²)).
  // It is the last pipe of the area, so holding those signals back from it touches nothing else.
  area.addPipe((context) => {
    const redraws = MINIMAP_SIGNALS.has(context.type) || (context.type === 'render' && context.data.type === 'node');
    return importing && redraws ? undefined : context;
  });
  area.use(new MinimapPlugin<Schemes>({ boundViewport: true }));

  const canvas: Canvas = {
    editor,
    area,
    history: historyBridge(history),
    async load(graph) {
      importing = true;
      try {
        await importGraph(core, graph);
      } finally {
        importing = false;
      }
      await area.emit({ type: 'resized', data: { event: new Event('resize') } });
      history.clear();
      await canvas.fit();
    },
    addNode: async (spec) => { await addNodeView(core, spec); },
    addConnection: (spec) => addConnectionView(core, spec),
    async removeNodes(nodeIds) {
      for (const id of nodeIds) {
        await selectable.unselect(id);
        for (const c of editor.getConnections()) if (c.source === id || c.target === id) await editor.removeConnection(c.id);
        await editor.removeNode(id);
      }
    },
    async select(nodeIds) {
      await selector.unselectAll();
      for (const id of nodeIds) await selectable.select(id, true);
      options.onSelect(selector.selectedNodeIds());
    },
    selected: () => selector.selectedNodeIds(),
    fit: () => AreaExtensions.zoomAt(area, editor.getNodes(), { scale: 0.85 }),
    arrange: () => arrangeGraph(core),
    toCanvas(clientX, clientY) {
      const rect = container.getBoundingClientRect();
      const { x, y, k } = area.area.transform;
      return { x: (clientX - rect.left - x) / k, y: (clientY - rect.top - y) / k };
    },
    centre() {
      const rect = container.getBoundingClientRect();
      return canvas.toCanvas(rect.left + rect.width / 2 - 120, rect.top + rect.height / 2 - 50);
    },
    refresh: (nodeId) => area.update('node', nodeId),
    destroy: () => area.destroy(),
  };
  return canvas;
}
