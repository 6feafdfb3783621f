import type { Completion } from '../../src/core/client.js';
import type { Op, Value } from '../../src/core/op.js';
import { EtcdClient, etcdClientFactory } from './etcd-client.js';
import { KEY_PREFIX } from './etcd-paths.js';
import { casMismatch } from '../../src/core/failed-cas.js';

/** The etcd key of register `k`. */
export function registerKey(k: Value): string {
  return `${KEY_PREFIX}/register/${JSON.stringify(k)}`;
}

/**
 * Keyed cas-register (Jepsen's independent convention): `read [k, null]` -> `[k, v|null]`,
 * `write [k, v]`, `cas [k, [old, new]]` (fail when the value is not `old`). Values are stored as JSON.
 */
export class EtcdRegisterClient extends EtcdClient {
  protected override async apply(op: Op, signal: AbortSignal): Promise<Completion> {
    const [k, arg] = Array.isArray(op.value) ? op.value : [op.value, null];
    const key = registerKey(k ?? null);
    switch (op.f) {
      case 'read': {
        const kvs = await this.kv.range(key, { serializable: this.serializable, signal });
        const v = kvs[0] === undefined ? null : (JSON.parse(kvs[0].value) as Value);
        return { type: 'ok', value: [k ?? null, v] };
      }
      case 'write':
        await this.kv.put(key, JSON.stringify(arg ?? null), signal);
        return { type: 'ok', value: op.value };
      case 'cas': {
        const [from, to] = Array.isArray(arg) ? arg : [null, null];
        const done = await this.kv.compareAndPut(
          key,
          JSON.stringify(from ?? null),
          JSON.stringify(to ?? null),
          signal,
        );
        return done ? { type: 'ok', value: op.value } : casMismatch(op.value);
      }
      default:
        return { type: 'fail', value: op.value, error: `unsupported f ${op.f}` };
    }
  }
}

/** Opens a register client on a node; `options.serializableReads` makes reads serializable. */
export const etcdRegisterClients = etcdClientFactory(EtcdRegisterClient);
