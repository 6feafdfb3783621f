import { Agent } from 'node:http';
import { CLIENT_PORT } from './etcd-paths.js';
import { etcdPost } from './etcd-http.js';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const unb64 = (s: unknown): string => Buffer.from(typeof s === 'string' ? s : '', 'base64').toString('utf8');

/** The key after every key starting with `prefix`: etcd's range_end for a prefix scan. */
export function prefixEnd(prefix: string): string {
  const bytes = Buffer.from(prefix, 'utf8');
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) + 1;
  return bytes.toString('utf8');
}

/** A key-value pair as returned by a range. */
export interface KeyValue {
  key: string;
  value: string;
  modRevision: number;
}

/** One etcd member's v3 KV API over its JSON gateway, one HTTP request per call, keep-alive connection. */
export class EtcdKv {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(readonly host: string) {}

  private post(path: string, body: unknown, signal?: AbortSignal): Promise<Record<string, unknown>> {
    return etcdPost(this.agent, this.host, CLIENT_PORT, path, body, signal);
  }

  /** Keys in [key, rangeEnd) (or just key); serializable reads may be stale, the default is linearizable. */
  async range(
    key: string,
    options: { rangeEnd?: string; serializable?: boolean; signal?: AbortSignal } = {},
  ): Promise<KeyValue[]> {
    const body: Record<string, unknown> = { key: b64(key) };
    if (options.rangeEnd !== undefined) body.range_end = b64(options.rangeEnd);
    if (options.serializable) body.serializable = true;
    const res = await this.post('/v3/kv/range', body, options.signal);
    const kvs = (res.kvs ?? []) as Record<string, unknown>[];
    return kvs.map((kv) => ({
      key: unb64(kv.key),
      value: unb64(kv.value),
      modRevision: Number(kv.mod_revision ?? 0),
    }));
  }

  async put(key: string, value: string, signal?: AbortSignal): Promise<void> {
    await this.post('/v3/kv/put', { key: b64(key), value: b64(value) }, signal);
  }

  /** Puts `value` iff the key's current value equals `expected`; true when it did. */
  async compareAndPut(key: string, expected: string, value: string, signal?: AbortSignal): Promise<boolean> {
    const res = await this.post(
      '/v3/kv/txn',
      {
        compare: [{ key: b64(key), target: 'VALUE', result: 'EQUAL', value: b64(expected) }],
        success: [{ request_put: { key: b64(key), value: b64(value) } }],
      },
      signal,
    );
    return res.succeeded === true;
  }

  /** Member status: its id, the leader it knows (0 or absent: none) and the raft term. */
  async status(
    signal?: AbortSignal,
  ): Promise<{ memberId: string; leader: string; raftTerm: number; version: string }> {
    const res = await this.post('/v3/maintenance/status', {}, signal);
    const header = (res.header ?? {}) as Record<string, unknown>;
    return {
      memberId: String(header.member_id ?? ''),
      leader: String(res.leader ?? '0'),
      raftTerm: Number(res.raftTerm ?? res.raft_term ?? 0),
      version: String(res.version ?? ''),
    };
  }

  close(): void {
    this.agent.destroy();
  }
}
