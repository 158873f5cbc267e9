/** Node sizes shared by the node component, the minimap and auto-arrange, so all three agree. */

/** Width of every node on the canvas, in pixels. */
export const NODE_WIDTH = 240;
/** Height of the title block. */
export const NODE_HEADER = 58;
/** Height of one port row. */
export const PORT_ROW = 30;
/** Space under the last port row. */
export const NODE_FOOTER = 12;

/**
 * Height of a node with the given numbers of inputs and outputs (inputs left, outputs right, side by side).
 * @example nodeHeight(1, 2) // 58 + 2 * 30 + 12
 */
export function nodeHeight(inputs: number, outputs: number): number {
  return NODE_HEADER + Math.max(inputs, outputs, 1) * PORT_ROW + NODE_FOOTER;
}

/**
 * Where the `index`th node without a saved position goes: a grid, five nodes a row.
 * @example defaultPosition(6) // { x: 320, y: 200 }
 */
export function defaultPosition(index: number): { x: number; y: number } {
  return { x: (index % 5) * 320, y: Math.floor(index / 5) * 200 };
}
