/** Node selection on the canvas, reported to whoever listens (the store keeps the selected ids). */
import { AreaExtensions } from 'rete-area-plugin';

/** What Rete's selector holds (the type is not exported by rete-area-plugin). */
interface SelectorEntity {
  label: string;
  id: string;
  unselect(): void | Promise<void>;
  translate(dx: number, dy: number): void | Promise<void>;
}

/** Rete's selector that also says, after each change, which node ids are selected. */
export class ReportingSelector extends AreaExtensions.Selector<SelectorEntity> {
  constructor(private readonly report: (nodeIds: string[]) => void) {
    super();
  }

  /** The selected node ids, in selection order. */
  selectedNodeIds(): string[] {
    return [...this.entities.values()].filter((entity) => entity.label === 'node').map((entity) => entity.id);
  }

  override async add(entity: SelectorEntity, accumulate: boolean): Promise<void> {
    await super.add(entity, accumulate);
    this.report(this.selectedNodeIds());
  }

  override async remove(entity: Pick<SelectorEntity, 'label' | 'id'>): Promise<void> {
    await super.remove(entity);
    this.report(this.selectedNodeIds());
  }
}
