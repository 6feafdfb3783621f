import type { JetStreamManager } from 'nats';
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

/** JetStream's "no message found": the subject holds no message, so the key was never written. */
const NO_MESSAGE_FOUND = 10037;

/** The latest entry of a key: its value and revision (stream sequence). */
interface Entry {
  value: Value;
  revision: number;
}

/**
 * Reads a key's latest entry from the bucket's stream (STREAM.MSG.GET, answered by the stream
 * leader), or null only when the server says no message was found. The driver's own KV get also
 * reads null for other 404s (e.g. "stream not found" from a server that lost track of the stream),
 * which would turn a server error into a read of the initial value; this does not.
 */
export async function getEntry(jsm: JetStreamManager, key: string): Promise<Entry | null> {
  try {
    const m = await jsm.streams.getMessage(`KV_${KV_BUCKET}`, { last_by_subj: `$KV.${KV_BUCKET}.${key}` });
    return { value: JSON.parse(new TextDecoder().decode(m.data)) as Value, revision: m.seq };
  } catch (error) {
    if (jetStreamErrorCode(error) === NO_MESSAGE_FOUND) return null;
    throw error;
  }
}

/**
 * Keyed cas-register on the JetStream KV bucket: `read [k, null]` is a get (served by the stream
 * leader: the bucket has direct gets off), `write [k, v]` a put (a publish to the key's subject),
 * and `cas [k, [old, new]]` a get followed by a put conditioned on the revision it read. The cas reports `cas-mismatch` only
 * when a get showed a value other than `old`; when the server refuses the update (wrong last
 * sequence) it reads again and retries, since a newer revision may hold `old` again.
 */
export class NatsRegisterClient implements Client {
  constructor(private readonly session: NatsSession) {}

  async invoke(op: Op): Promise<Completion> {
    const [k, arg] = Array.isArray(op.value) ? op.value : [op.value, null];
    const key = registerKey(k ?? null);
    try {
      switch (op.f) {
        case 'read':
          return { type: 'ok', value: [k ?? null, (await getEntry(this.session.jsm, key))?.value ?? null] };
        case 'write':
          await this.session.js.publish(`$KV.${KV_BUCKET}.${key}`, JSON.stringify(arg ?? null));
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
      const entry = await getEntry(this.session.jsm, key);
      if (JSON.stringify(entry?.value ?? null) !== JSON.stringify(from)) return casMismatch(value);
      try {
        // The register's initial value null is "no entry yet": sequence 0 means the key must not exist.
        await this.session.js.publish(`$KV.${KV_BUCKET}.${key}`, JSON.stringify(to), {
          expect: { lastSubjectSequence: entry === null ? 0 : entry.revision },
        });
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

/** Opens a register client on a node: its own connection. */
export const natsRegisterClients: ClientFactory = {
  async open(ctx, node) {
    return new NatsRegisterClient(await connectNats(ctx.cluster.ip(node)));
  },
};
