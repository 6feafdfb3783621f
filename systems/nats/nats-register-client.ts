import type { KV } from 'nats';
import { casMismatch } from '../../src/core/failed-cas.js';
import type { Client, ClientFactory, Completion, Op, Value } from '../../src/sdk/index.js';
import { classifyNatsError, jetStreamErrorCode } from './classify-nats-error.js';
import { connectNats, type NatsSession } from './nats-connect.js';
import { KV_BUCKET } from './nats-paths.js';

/** Revision-conditioned updates tried by one cas before it gives up (each refusal certainly wrote nothing). */
const CAS_ATTEMPTS = 5;

/** The KV key of register `k`. */
export function registerKey(k: Value): string {
  return `r${JSON.stringify(k).replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The value of a KV entry, or null when the key was never written (or deleted). */
function decode(entry: { value: Uint8Array; operation: string } | null): Value {
  if (entry === null || entry.operation !== 'PUT') return null;
  return JSON.parse(new TextDecoder().decode(entry.value)) as Value;
}

/**
 * Keyed cas-register on the JetStream KV bucket: `read [k, null]` is a get (served by the stream
 * leader: the bucket has direct gets off), `write [k, v]` a put, and `cas [k, [old, new]]` a get
 * followed by an update conditioned on the revision it read. The cas reports `cas-mismatch` only
 * when a get showed a value other than `old`; when the server refuses the update (wrong last
 * sequence) it reads again and retries, since a newer revision may hold `old` again.
 */
export class NatsRegisterClient implements Client {
  constructor(
    private readonly session: NatsSession,
    private readonly kv: KV,
  ) {}

  async invoke(op: Op): Promise<Completion> {
    const [k, arg] = Array.isArray(op.value) ? op.value : [op.value, null];
    const key = registerKey(k ?? null);
    try {
      switch (op.f) {
        case 'read':
          return { type: 'ok', value: [k ?? null, decode(await this.kv.get(key))] };
        case 'write':
          await this.kv.put(key, JSON.stringify(arg ?? null));
          return { type: 'ok', value: op.value };
        case 'cas': {
          const [from, to] = Array.isArray(arg) ? arg : [null, null];
          return await this.cas(key, from ?? null, to ?? null, op.value);
        }
        default:
          return { type: 'fail', value: op.value, error: `unsupported f ${op.f}` };
      }
    } catch (error) {
      return { ...classifyNatsError(error, op.f === 'read'), value: op.value };
    }
  }

  /** Compare-and-set through revision-conditioned updates; throws what a request threw. */
  private async cas(key: string, from: Value, to: Value, value: Value): Promise<Completion> {
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const entry = await this.kv.get(key);
      if (JSON.stringify(decode(entry)) !== JSON.stringify(from)) return casMismatch(value);
      try {
        // The register's initial value null is "no entry yet": revision 0 means the key must not exist.
        await this.kv.put(key, JSON.stringify(to), { previousSeq: entry === null ? 0 : entry.revision });
        return { type: 'ok', value };
      } catch (error) {
        if (jetStreamErrorCode(error) !== 10071) throw error;
      }
    }
    return { type: 'fail', value, error: `the key changed under every one of ${CAS_ATTEMPTS} attempts` };
  }

  async close(): Promise<void> {
    await this.session.nc.close();
  }
}

/** Opens a register client on a node: its own connection and a handle on the existing bucket. */
export const natsRegisterClients: ClientFactory = {
  async open(ctx, node) {
    const session = await connectNats(ctx.cluster.ip(node));
    try {
      const kv = await session.js.views.kv(KV_BUCKET, { bindOnly: true, allow_direct: false });
      return new NatsRegisterClient(session, kv);
    } catch (error) {
      await session.nc.close();
      throw error;
    }
  },
};
