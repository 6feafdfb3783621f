import type { Completion } from '../../src/core/client.js';
import type { Op, Value } from '../../src/core/op.js';
import { EtcdClient, etcdClientFactory } from './etcd-client.js';
import { prefixEnd } from './etcd-kv.js';
import { KEY_PREFIX } from './etcd-paths.js';

const SET_PREFIX = `${KEY_PREFIX}/set/`;

/** Set of unique ints, one key per element: `add x` -> ok; `read null` -> ok [elements, sorted]. */
export class EtcdSetClient extends EtcdClient {
  protected override async apply(op: Op, signal: AbortSignal): Promise<Completion> {
    if (op.f === 'add') {
      await this.kv.put(SET_PREFIX + JSON.stringify(op.value), JSON.stringify(op.value), signal);
      return { type: 'ok', value: op.value };
    }
    if (op.f === 'read') {
      const kvs = await this.kv.range(SET_PREFIX, {
        rangeEnd: prefixEnd(SET_PREFIX),
        serializable: this.serializable,
        signal,
      });
      const elements = kvs.map((kv) => JSON.parse(kv.value) as Value);
      elements.sort((a, b) =>
        typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
      );
      return { type: 'ok', value: elements };
    }
    return { type: 'fail', value: op.value, error: `unsupported f ${op.f}` };
  }
}

/** Opens a set client on a node; `options.serializableReads` makes reads serializable. */
export const etcdSetClients = etcdClientFactory(EtcdSetClient);
