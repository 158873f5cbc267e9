/**
 * Tells the owner when the graph changed, coalesced to once per animation frame (a drag moves a node on
 * every pointer event), and keeps a leaving node's flow data on its view so undo can restore it.
 */
import type { FlowNode } from '../api/types.ts';
import { plainCopy } from '../lib/format.ts';
import type { CanvasCore } from './canvas-io.ts';

const EDITOR_CHANGES = new Set(['nodecreated', 'noderemoved', 'connectioncreated', 'connectionremoved', 'cleared']);

/** Watches the editor and the area for changes. */
export function watchGraph(core: CanvasCore, handlers: { onChange(): void; nodeData(id: string): FlowNode | undefined }): void {
  let scheduled = false;
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      handlers.onChange();
    });
  };
  core.editor.addPipe((context) => {
    if (context.type === 'noderemove') {
      const data = handlers.nodeData(context.data.id);
      if (data) context.data.data = plainCopy(data);
    }
    if (EDITOR_CHANGES.has(context.type)) schedule();
    return context;
  });
  core.area.addPipe((context) => {
    if (context.type === 'nodetranslated') schedule();
    return context;
  });
}
