/**
 * Auto-arrange with rete-auto-arrange-plugin and elkjs. Both are loaded only when the user asks for a
 * layout (elkjs is most of the weight the editor would otherwise carry).
 */
import type { CanvasCore } from './canvas-io.ts';
import type { Schemes } from './schemes.ts';

type Arranger = { layout(props: { options: Record<string, string> }): Promise<unknown> };

const arrangers = new WeakMap<CanvasCore, Promise<Arranger>>();

async function createArranger(core: CanvasCore): Promise<Arranger> {
  const { AutoArrangePlugin, Presets } = await import('rete-auto-arrange-plugin');
  const arrange = new AutoArrangePlugin<Schemes>();
  arrange.addPreset(Presets.classic.setup());
  core.area.use(arrange);
  return arrange;
}

/** Lays the graph out left to right. Resolves when every node has moved. */
export async function arrangeGraph(core: CanvasCore): Promise<void> {
  let arranger = arrangers.get(core);
  if (!arranger) {
    arranger = createArranger(core);
    arrangers.set(core, arranger);
  }
  await (await arranger).layout({ options: { 'elk.direction': 'RIGHT', 'elk.spacing.nodeNode': '60', 'elk.layered.spacing.nodeNodeBetweenLayers': '100' } });
}
