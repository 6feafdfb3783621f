import type { Client, Completion } from '../../src/core/client.js';
import type { Op, Value } from '../../src/core/op.js';
import type { ClientFactory, SystemContext } from '../../src/core/system.js';
import { classifyEtcdError } from './classify-etcd-error.js';
import { EtcdKv, prefixEnd } from './etcd-kv.js';
import { KEY_PREFIX } from './etcd-paths.js';

const SET_PREFIX = `${KEY_PREFIX}/set/`;

/** Set of unique ints, one key per element: `add x` -> ok; `read null` -> ok [elements, sorted]. */
export class EtcdSetClient implements Client {
  constructor(
    private readonly kv: EtcdKv,
    private readonly serializable: boolean,
  ) {}

  async invoke(op: Op, signal: AbortSignal): Promise<Completion> {
    try {
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
    } catch (error) {
      return { ...classifyEtcdError(error, op.f === 'read'), value: op.value };
    }
  }

  close(): Promise<void> {
    this.kv.close();
    return Promise.resolve();
  }
}

/** Opens a set client on a node; `options.serializableReads` makes reads serializable. */
export const etcdSetClients: ClientFactory = {
  open(ctx: SystemContext, node: string) {
    return Promise.resolve(
      new EtcdSetClient(new EtcdKv(ctx.cluster.ip(node)), ctx.options.serializableReads === true),
    );
  },
};
