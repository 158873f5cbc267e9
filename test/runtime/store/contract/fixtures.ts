import { randomUUID } from 'node:crypto';
import type { EntityInput } from '../../../../nodes/contract/batch.ts';
import type { EntityStore } from '../../../../runtime/store/entity-store.ts';
import type { RunRecord, RunStatus } from '../../../../runtime/store/types.ts';

/** Gives the store under test; valid inside a test. */
export type StoreGetter = () => EntityStore;

/** A name no other test uses, so tests sharing a database stay apart. */
export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** A person entity like a mapper emits it. */
export function person(originId: string, overrides: Record<string, unknown> = {}): EntityInput {
  return {
    type: 'person',
    originId,
    data: { firstName: `First${originId}`, lastName: 'Lovelace', email: `p${originId}@example.com`, ...overrides },
  };
}

/** A run record of a flow, started `minutesAgo` minutes ago. */
export function run(flowId: string, id: string, minutesAgo: number, status: RunStatus = 'succeeded'): RunRecord {
  return {
    id,
    flowId,
    trigger: 'manual',
    full: false,
    status,
    startedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    nodes: { customers: { in: 3, out: 3, rejected: 0, durationMs: 12 } },
    entities: { added: 3, updated: 0, unchanged: 0 },
    rejected: 0,
    errors: [],
    cursorsBefore: {},
    cursorsAfter: { customers: { updatedAt: '2024-01-01T00:00:00Z' } },
  };
}

/** Reads an async iterable to an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
