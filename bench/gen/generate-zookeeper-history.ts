// A ZooKeeper-shaped keyed cas-register history: sequentially consistent by construction, not
// linearizable (reads are served by lagging followers), with unique values per key as the register
// workload writes them under --sequential.
import type { Op, Value } from '../../src/core/op.js';
import { createRng } from '../../src/generator/rng.js';

export interface ZookeeperHistoryOptions {
  ops: number;
  nodes: number;
  processesPerNode: number;
  keys: number;
  /** Fraction of writes and cas that crash (info); the process is then replaced. */
  infoRate: number;
  seed: number;
}

interface Commit {
  key: number;
  value: number;
}

interface Pending {
  process: number;
  f: 'read' | 'write' | 'cas';
  key: number;
  arg: Value;
  /** write/cas: position in the leader's log once proposed; -1 before. */
  at: number;
  /** cas: the version (log length of the key) seen by getData on the local server. */
  version: number;
}

/** One server's applied prefix of the leader's log: the value and version of each key. */
interface Server {
  applied: number;
  values: Map<number, number>;
  versions: Map<number, number>;
}

/**
 * Simulates a ZooKeeper ensemble: every write and cas goes through one leader log; each client
 * process is bound to one server, which applies the log in order and with its own lag, answers
 * reads from what it applied, and answers a write only once it applied it (so a session reads its
 * own writes). A cas is getData then setData at the version read: `cas-mismatch` when the local
 * value differs, a bare `cas-bad-version` fail when the key changed at the leader meanwhile.
 */
export function generateZookeeperHistory(options: ZookeeperHistoryOptions): Op[] {
  const rng = createRng(options.seed);
  const log: Commit[] = [];
  const leader = new Map<number, number>(); // key -> version at the leader
  const servers: Server[] = Array.from({ length: options.nodes }, () => ({
    applied: 0,
    values: new Map(),
    versions: new Map(),
  }));
  const processes = options.nodes * options.processesPerNode;
  const ids = Array.from({ length: processes }, (_, i) => i);
  const slots: (Pending | undefined)[] = new Array<Pending | undefined>(processes).fill(undefined);
  const nextValue = new Array<number>(options.keys).fill(0);
  const out: Op[] = [];
  const emit = (type: Op['type'], p: Pending, value: Value, error?: string): void => {
    const index = out.length;
    out.push({
      index,
      type,
      process: p.process,
      f: p.f,
      value,
      time: index * 1000,
      ...(error ? { error } : {}),
    });
  };
  const apply = (s: Server): void => {
    const c = log[s.applied++]!;
    s.values.set(c.key, c.value);
    s.versions.set(c.key, (s.versions.get(c.key) ?? 0) + 1);
  };
  const propose = (p: Pending, value: number): void => {
    p.at = log.length;
    log.push({ key: p.key, value });
    leader.set(p.key, (leader.get(p.key) ?? 0) + 1);
  };
  let invoked = 0;
  let open = 0;
  while (invoked < options.ops || open > 0) {
    // Followers catch up at their own pace; server 0 lags most, as a partitioned one would.
    const s = servers[rng.int(options.nodes)]!;
    if (s.applied < log.length && rng.next() < (s === servers[0] ? 0.3 : 0.9)) apply(s);
    const slot = rng.int(processes);
    const server = servers[slot % options.nodes]!;
    const p = slots[slot];
    if (p === undefined) {
      if (invoked >= options.ops) continue;
      const key = rng.int(options.keys);
      const r = rng.next();
      const f = r < 0.4 ? 'read' : r < 0.7 ? 'write' : 'cas';
      const fresh = f === 'read' ? 0 : ++nextValue[key]!;
      const last = server.values.get(key) ?? 0;
      const arg: Value =
        f === 'read' ? null : f === 'write' ? fresh : [Math.max(0, last - rng.int(2)), fresh];
      const op: Pending = { process: ids[slot]!, f, key, arg, at: -1, version: -1 };
      emit('invoke', op, [key, arg]);
      slots[slot] = op;
      invoked++;
      open++;
      continue;
    }
    const done = (type: Op['type'], value: Value, error?: string): void => {
      emit(type, p, value, error);
      if (type === 'info') ids[slot] = ids[slot]! + processes;
      slots[slot] = undefined;
      open--;
    };
    if (p.f === 'read') done('ok', [p.key, server.values.get(p.key) ?? null]);
    else if (p.at >= 0) {
      if (server.applied > p.at) done('ok', [p.key, p.arg]);
    } else if (rng.next() < options.infoRate) {
      // Crashed: the request may still reach the leader (a cas only at the version it read).
      const reaches = rng.next() < 0.5;
      if (reaches && p.f === 'write') propose(p, p.arg as number);
      if (reaches && p.f === 'cas' && p.version === (leader.get(p.key) ?? 0))
        propose(p, (p.arg as number[])[1]!);
      done('info', [p.key, p.arg], 'timeout');
    } else if (p.f === 'write') propose(p, p.arg as number);
    else if (p.version < 0) {
      const [from] = p.arg as [number, number];
      if (server.values.get(p.key) !== from) done('fail', [p.key, p.arg], 'cas-mismatch');
      else p.version = server.versions.get(p.key) ?? 0;
    } else if ((leader.get(p.key) ?? 0) !== p.version) done('fail', [p.key, p.arg], 'cas-bad-version');
    else propose(p, (p.arg as number[])[1]!);
  }
  return out;
}
