import type { Client, Completion } from '../../src/core/client.js';
import type { Op, Value } from '../../src/core/op.js';
import type { ClientFactory, SystemContext } from '../../src/core/system.js';
import { classifyEtcdError } from './classify-etcd-error.js';
import { EtcdLockApi } from './etcd-lock-api.js';
import { GUARDED_KEY, LOCK_NAME, holdKey, leaseOf } from './lock-lease.js';

/** How long an acquire waits for the lock before giving up (as info: it may still be granted). */
const ACQUIRE_WAIT_MS = 4000;
/** Lease TTL when the option is absent (s). */
export const DEFAULT_LEASE_TTL_S = 3;

const text = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The `lock` workload on etcd's lock service, as a careful-but-naive client uses it: a lease per
 * hold kept alive every TTL/3 from this client's node, `lock` under it, a plain put to the guarded
 * register while holding, `unlock` and revoke. It never checks its lease before writing: that is
 * what the test shows. `release` completes `[token, 'held' | 'lost: ...']`, saying whether its lock
 * key still existed, i.e. whether etcd had already let the lease expire.
 */
export class EtcdLockClient implements Client {
  private readonly keepers = new Map<bigint, NodeJS.Timeout>();

  constructor(
    private readonly api: EtcdLockApi,
    private readonly nodeIndex: number,
    private readonly ttlS: number,
  ) {}

  async invoke(op: Op, signal: AbortSignal): Promise<Completion> {
    const token = String(Array.isArray(op.value) ? op.value[0] : op.value);
    switch (op.f) {
      case 'acquire':
        return this.acquire(token, op.value, signal);
      case 'write':
        return this.write(op.value, signal);
      case 'release':
        return this.release(token, op.value, signal);
      default:
        return { type: 'fail', value: op.value, error: `unsupported f ${op.f}` };
    }
  }

  private async acquire(token: string, value: Value, signal: AbortSignal): Promise<Completion> {
    const lease = leaseOf(this.nodeIndex, token);
    try {
      await this.api.grant(lease, this.ttlS, signal);
    } catch (error) {
      // No lock was requested: whatever became of the lease, the acquire did not happen.
      return { type: 'fail', value, error: `lease grant: ${text(error)}` };
    }
    this.keepAlive(lease);
    try {
      await this.api.lock(LOCK_NAME, lease, AbortSignal.any([signal, AbortSignal.timeout(ACQUIRE_WAIT_MS)]));
      return { type: 'ok', value };
    } catch (error) {
      const outcome = classifyEtcdError(error, false);
      this.forget(lease, true);
      return { ...outcome, value };
    }
  }

  private async write(value: Value, signal: AbortSignal): Promise<Completion> {
    const written = Array.isArray(value) ? value[1] : value;
    try {
      await this.api.put(GUARDED_KEY, JSON.stringify(written ?? null), signal);
      return { type: 'ok', value };
    } catch (error) {
      return { ...classifyEtcdError(error, false), value };
    }
  }

  private async release(token: string, value: Value, signal: AbortSignal): Promise<Completion> {
    const key = holdKey(this.nodeIndex, token);
    let present: boolean;
    try {
      present = await this.api.exists(key, signal);
    } catch (error) {
      return { type: 'fail', value, error: `reading the lock key before unlock: ${text(error)}` };
    }
    try {
      await this.api.unlock(key, signal);
    } catch (error) {
      return { ...classifyEtcdError(error, false), value };
    }
    this.forget(leaseOf(this.nodeIndex, token), true);
    return {
      type: 'ok',
      value: [token, present ? 'held' : 'lost: its lock key was gone before unlock (the lease had expired)'],
    };
  }

  /** Renews `lease` every TTL/3 until forgotten; a failed renewal is not retried sooner. */
  private keepAlive(lease: bigint): void {
    const every = Math.max(200, Math.floor((this.ttlS * 1000) / 3));
    const timer = setInterval(() => {
      this.api.keepAlive(lease, AbortSignal.timeout(every)).catch(() => undefined);
    }, every);
    timer.unref();
    this.keepers.set(lease, timer);
  }

  /** Stops renewing `lease`, and revokes it in the background when asked. */
  private forget(lease: bigint, revoke: boolean): void {
    clearInterval(this.keepers.get(lease));
    this.keepers.delete(lease);
    if (revoke) this.api.revoke(lease, AbortSignal.timeout(2000)).catch(() => undefined);
  }

  /** Stops every renewal but revokes nothing: a hold ends only by a release the history records. */
  close(): Promise<void> {
    for (const lease of [...this.keepers.keys()]) this.forget(lease, false);
    this.api.close();
    return Promise.resolve();
  }
}

/** Opens a lock client on a node, with `options.leaseTtl` seconds per lease. */
export const etcdLockClients: ClientFactory = {
  open(ctx: SystemContext, node: string) {
    const ttl = typeof ctx.options.leaseTtl === 'number' ? ctx.options.leaseTtl : DEFAULT_LEASE_TTL_S;
    return Promise.resolve(
      new EtcdLockClient(new EtcdLockApi(ctx.cluster.ip(node)), ctx.cluster.nodes.indexOf(node), ttl),
    );
  },
};
