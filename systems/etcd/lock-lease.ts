import { KEY_PREFIX } from './etcd-paths.js';
import { lockKey } from './etcd-lock-api.js';

/** The one lock every worker of the `lock` workload contends for, and the register it guards. */
export const LOCK_NAME = `${KEY_PREFIX}/lock`;
export const GUARDED_KEY = `${KEY_PREFIX}/guarded`;

const NODE_SHIFT = 40n;
const THREAD_SHIFT = 20n;

/**
 * The lease of hold `token` (`<thread>.<n>`, from the lock workload) by a client on the node with
 * index `nodeIndex`: node, thread and hold number packed into the id, so any client can find a
 * hold's lock key and `primaries` can tell which node's client holds the lock.
 */
export function leaseOf(nodeIndex: number, token: string): bigint {
  const [thread, n] = token.split('.').map((s) => BigInt(Number.parseInt(s, 10) || 0));
  return (BigInt(nodeIndex + 1) << NODE_SHIFT) | ((thread ?? 0n) << THREAD_SHIFT) | (n ?? 0n);
}

/** The index of the node whose client took `lease`, or -1 when it is not one of ours. */
export function nodeIndexOf(lease: bigint): number {
  return Number(lease >> NODE_SHIFT) - 1;
}

/** The key etcd's lock service makes for hold `token` of a client on node `nodeIndex`. */
export function holdKey(nodeIndex: number, token: string): string {
  return lockKey(LOCK_NAME, leaseOf(nodeIndex, token));
}
