import { hostname } from 'node:os';
import { LeaseHeldError } from '../../nodes/contract/errors.ts';
import type { EntityStore } from '../store/entity-store.ts';

/** Default lease time-to-live: a killed run blocks its flow at most this long. */
export const DEFAULT_LEASE_TTL_MS = 30_000;

/** A held lease; `lost` is aborted if renewing fails. `release` stops renewing and frees it. */
export interface HeldLease {
  lost: AbortSignal;
  release(): Promise<void>;
}

/** The default lease owner: this host and process. */
export function defaultLeaseOwner(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * Takes the flow's lease and keeps renewing it at a third of its time-to-live. Throws `LeaseHeldError`
 * naming the holder when another run has it.
 */
export async function holdFlowLease(store: EntityStore, flowId: string, owner: string, ttlMs: number): Promise<HeldLease> {
  if (!(await store.acquireLease(flowId, owner, ttlMs)) && !(await takeOverFromDeadProcess(store, flowId, owner, ttlMs))) {
    const holder = await store.leaseHolder(flowId);
    const who = holder ? ` by ${holder.owner} until ${holder.expiresAt}` : '';
    throw new LeaseHeldError(
      `Flow "${flowId}" is already running (lease held${who}). Wait for that run to finish; if its process died, the lease expires on its own.`,
    );
  }
  const lost = new AbortController();
  const timer = setInterval(() => {
    store.renewLease(flowId, owner, ttlMs).then(
      (renewed) => renewed || lost.abort(new LeaseHeldError(`Flow "${flowId}" lost its lease while running.`)),
      (error: unknown) => lost.abort(error),
    );
  }, Math.max(10, Math.floor(ttlMs / 3)));
  timer.unref();
  return {
    lost: lost.signal,
    release: async () => {
      clearInterval(timer);
      await store.releaseLease(flowId, owner);
    },
  };
}

/** True when `owner` names a process on this host that no longer exists. */
function isDeadLocalOwner(owner: string): boolean {
  const separator = owner.lastIndexOf(':');
  const pid = Number(owner.slice(separator + 1));
  if (owner.slice(0, separator) !== hostname() || !Number.isInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * A lease held by a killed process on this same host need not wait for its time-to-live: the process is
 * provably gone, so the lease is released and taken. Leases of other hosts always wait for expiry.
 */
async function takeOverFromDeadProcess(store: EntityStore, flowId: string, owner: string, ttlMs: number): Promise<boolean> {
  const holder = await store.leaseHolder(flowId);
  if (!holder || !isDeadLocalOwner(holder.owner)) return false;
  await store.releaseLease(flowId, holder.owner);
  return store.acquireLease(flowId, owner, ttlMs);
}
