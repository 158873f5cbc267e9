import { describe, expect, it } from 'vitest';
import { entityStoreNode } from '../../../nodes/core/entity-store/definition.ts';
import { runNode } from '../../../runtime/testing/index.ts';

describe('core.entity-store', () => {
  it('writes every batch it receives through ctx.writeEntities', async () => {
    const ada = { type: 'person', originId: '1', data: { firstName: 'Ada' } };
    const shoe = { type: 'product', originId: 'p-1', data: { sku: 'SHOE', price: '19.99' } };
    const { entities, rejects } = await runNode({ definition: entityStoreNode, inputs: { entities: [[ada], [shoe]] } });
    expect(entities).toEqual([ada, shoe]);
    expect(rejects).toEqual([]);
  });

  it('has the entities a runtime would refuse rejected by the harness, like the runtime does', async () => {
    const bad = { type: 'product', originId: 'p-2', data: { price: 19.99 } };
    const { entities, rejects } = await runNode({ definition: entityStoreNode, inputs: { entities: [[bad]] } });
    expect(entities).toEqual([]);
    expect(rejects).toEqual([{ record: bad, reason: 'product.price must be string' }]);
  });
});
