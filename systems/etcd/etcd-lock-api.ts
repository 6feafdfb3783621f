import { Agent } from 'node:http';
import { CLIENT_PORT } from './etcd-paths.js';
import { etcdPost } from './etcd-http.js';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const unb64 = (s: unknown): string => Buffer.from(typeof s === 'string' ? s : '', 'base64').toString('utf8');

/** The key etcd's lock service creates for a holder (or waiter): `<name>/<lease id in hex>`. */
export function lockKey(name: string, lease: bigint): string {
  return `${name}/${lease.toString(16)}`;
}

/**
 * One etcd member's lease and lock services (v3lock) over its JSON gateway, one request per call.
 * Lease IDs are chosen by the caller, so any client can name the lock key of a hold.
 */
export class EtcdLockApi {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 4 });

  constructor(readonly host: string) {}

  private post(path: string, body: unknown, signal?: AbortSignal): Promise<Record<string, unknown>> {
    return etcdPost(this.agent, this.host, CLIENT_PORT, path, body, signal);
  }

  /** Grants lease `id` with `ttlS` seconds to live. */
  async grant(id: bigint, ttlS: number, signal?: AbortSignal): Promise<void> {
    await this.post('/v3/lease/grant', { ID: id.toString(), TTL: String(ttlS) }, signal);
  }

  /** Renews lease `id` once; its remaining TTL in seconds (0 or less: it had expired). */
  async keepAlive(id: bigint, signal?: AbortSignal): Promise<number> {
    const res = await this.post('/v3/lease/keepalive', { ID: id.toString() }, signal);
    const result = (res.result ?? {}) as Record<string, unknown>;
    return Number(result.TTL ?? 0);
  }

  async revoke(id: bigint, signal?: AbortSignal): Promise<void> {
    await this.post('/v3/lease/revoke', { ID: id.toString() }, signal);
  }

  /** Blocks until the lock `name` is held under lease `id`; returns the holder's key. */
  async lock(name: string, id: bigint, signal?: AbortSignal): Promise<string> {
    const res = await this.post('/v3/lock/lock', { name: b64(name), lease: id.toString() }, signal);
    return unb64(res.key);
  }

  /** Deletes a holder's key (etcd answers ok also when it is already gone). */
  async unlock(key: string, signal?: AbortSignal): Promise<void> {
    await this.post('/v3/lock/unlock', { key: b64(key) }, signal);
  }

  /** Whether `key` exists, by a linearizable read. */
  async exists(key: string, signal?: AbortSignal): Promise<boolean> {
    const res = await this.post('/v3/kv/range', { key: b64(key), count_only: true }, signal);
    return Number(res.count ?? 0) > 0;
  }

  /** The lease of the oldest key under `prefix` (the current holder of a lock), or undefined when none. */
  async oldestLease(prefix: string, rangeEnd: string, signal?: AbortSignal): Promise<bigint | undefined> {
    const res = await this.post(
      '/v3/kv/range',
      { key: b64(prefix), range_end: b64(rangeEnd), sort_order: 'ASCEND', sort_target: 'CREATE', limit: 1 },
      signal,
    );
    const kv = ((res.kvs ?? []) as Record<string, unknown>[])[0];
    return kv === undefined ? undefined : BigInt(String(kv.lease ?? '0'));
  }

  async put(key: string, value: string, signal?: AbortSignal): Promise<void> {
    await this.post('/v3/kv/put', { key: b64(key), value: b64(value) }, signal);
  }

  close(): void {
    this.agent.destroy();
  }
}
