/**
 * The Rete types of the canvas. Rete is only a view of the flow JSON: a node view carries its flow node id,
 * its ports and, while it is off the canvas (deleted, waiting for undo), a copy of its flow node.
 */
import { ClassicPreset, type GetSchemes } from 'rete';
import type { MinimapExtra } from 'rete-minimap-plugin';
import type { VueArea2D } from 'rete-vue-plugin';
import type { FlowNode } from '../api/types.ts';
import type { GraphNodeSpec, PortView, Position } from './flow-graph.ts';
import { NODE_WIDTH, nodeHeight } from './node-layout.ts';

/** The socket of one port. It knows its node and port so the socket view can show the type the config gives. */
export class PortSocket extends ClassicPreset.Socket {
  constructor(
    readonly nodeId: string,
    readonly side: 'input' | 'output',
    readonly port: PortView,
  ) {
    super(port.socket);
  }
}

type Sockets = Record<string, PortSocket>;

/** A flow node on the canvas. Its Rete id is the flow node id. */
export class FlowNodeView extends ClassicPreset.Node<Sockets, Sockets, Record<string, never>> {
  /** The flow node as it was when the view was made, refreshed when the node leaves the canvas. */
  data: FlowNode;
  /** Where the node was placed on import; an unmoved node keeps its saved position untouched. */
  placed?: Position;
  /** True when the node's type (or version) is not in the catalogue. */
  readonly missing: boolean;
  width = NODE_WIDTH;
  height: number;

  constructor(spec: GraphNodeSpec) {
    super(spec.label);
    this.id = spec.id;
    this.data = spec.data;
    this.placed = spec.placed;
    this.missing = spec.missing;
    this.height = nodeHeight(spec.inputs.length, spec.outputs.length);
    // Ports are made here, in the constructor, so a node rebuilt by undo or paste has all of them.
    spec.inputs.forEach((port, index) => {
      const input = new ClassicPreset.Input(new PortSocket(spec.id, 'input', port), port.label, port.multiple);
      input.index = index;
      this.addInput(port.key, input);
    });
    spec.outputs.forEach((port, index) => {
      const output = new ClassicPreset.Output(new PortSocket(spec.id, 'output', port), port.label, true);
      output.index = index;
      this.addOutput(port.key, output);
    });
  }
}

/** A connection between two node views. Generic, as the Vue plugin and presets require. */
export class FlowConnectionView<A extends FlowNodeView, B extends FlowNodeView> extends ClassicPreset.Connection<A, B> {
  isLoop?: boolean;
  isPseudo?: boolean;
}

/** The Rete schemes of the canvas. */
export type Schemes = GetSchemes<FlowNodeView, FlowConnectionView<FlowNodeView, FlowNodeView>>;

/** Every signal the area carries: Vue rendering and the minimap. */
export type AreaExtra = VueArea2D<Schemes> | MinimapExtra;
