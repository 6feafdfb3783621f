import type { Client, Completion } from '../../src/core/client.js';
import type { Op } from '../../src/core/op.js';
import type { ClientFactory, SystemContext } from '../../src/core/system.js';
import { classifyEtcdError } from './classify-etcd-error.js';
import { EtcdKv } from './etcd-kv.js';

/**
 * What every etcd client shares: one EtcdKv on its node, serializable reads on request, and thrown
 * errors turned into fail or info completions by classifyEtcdError (reads are safe to fail).
 */
export abstract class EtcdClient implements Client {
  constructor(
    protected readonly kv: EtcdKv,
    protected readonly serializable: boolean,
  ) {}

  async invoke(op: Op, signal: AbortSignal): Promise<Completion> {
    try {
      return await this.apply(op, signal);
    } catch (error) {
      return { ...classifyEtcdError(error, op.f === 'read'), value: op.value };
    }
  }

  /** Runs `op` against the KV; may throw, see invoke. */
  protected abstract apply(op: Op, signal: AbortSignal): Promise<Completion>;

  close(): Promise<void> {
    this.kv.close();
    return Promise.resolve();
  }
}

/** Opens an etcd client of class `C` on a node; `options.serializableReads` makes its reads serializable. */
export function etcdClientFactory(C: new (kv: EtcdKv, serializable: boolean) => EtcdClient): ClientFactory {
  return {
    open(ctx: SystemContext, node: string) {
      return Promise.resolve(new C(new EtcdKv(ctx.cluster.ip(node)), ctx.options.serializableReads === true));
    },
  };
}
