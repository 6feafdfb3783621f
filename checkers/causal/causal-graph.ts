import type { History, Value } from '../../src/core/op.js';
import { clientOps } from '../set/client-ops.js';
import { showValue, valueKey } from '../set/value-key.js';

/**
 * A read/write history as the causal checkers see it: one node per op that happened, sessions in
 * program order, and for each read the write it read from. Struct-of-arrays for speed.
 */
export interface CausalGraph {
  /** Number of nodes. */
  n: number;
  /** Number of sessions (client processes). */
  sessions: number;
  /** Session of each node, 0-based. */
  session: Int32Array;
  /** 1-based position of each node within its session. */
  pos: Int32Array;
  /** 1 for a write, 0 for a read. */
  isWrite: Uint8Array;
  /** Interned key of each node. */
  key: Int32Array;
  /** For a read, the node of the write it read from, or -1 for the initial value; -1 for writes. */
  src: Int32Array;
  /** 1 for a read of a value nobody wrote (not the initial value either). */
  thin: Uint8Array;
  /** History index of each node's invocation, for reports. */
  opIndex: Int32Array;
  /** The value written or read. */
  value: Value[];
  /** The original key and process of each interned key and session, for messages. */
  keys: Value[];
  processes: (number | string)[];
  /** writesBy[key][session]: write nodes of that session on that key, in program order. */
  writesBy: Map<number, Map<number, number[]>>;
  /** Nodes of each session in program order. */
  sessionNodes: number[][];
  /** Reads of a value nobody wrote (and not the initial value): thin-air reads. */
  thinAir: { node: number; failedWrite?: number }[];
  /** Whether the history is keyed ([key value] values). */
  keyed: boolean;
}

/** Options for building the graph. */
export interface CausalGraphOptions {
  /** The value every key holds before any write; null unless given. */
  initial?: Value;
  /** Values are [key value]; detected from the reads when omitted. */
  keyed?: boolean;
}

/** Why the checkers cannot decide this history (an assumption fails), instead of a graph. */
export interface Undecidable {
  unknownReason: string;
}

/**
 * Builds the causal graph. Fail ops did not happen and are dropped; crashed (info or pending) reads
 * are dropped; a crashed write is kept only if some read returned its value (then it happened; it
 * is the last op of its process, so it goes last in its session). Every read must identify its
 * write: a value written twice to a key, or a written value equal to the initial value, that some
 * read returns makes the history undecidable here, and the reason says which.
 */
export function buildCausalGraph(
  history: History,
  options: CausalGraphOptions = {},
): CausalGraph | Undecidable {
  const ops = clientOps(history).filter((o) => o.outcome !== 'fail' || o.invoke.f === 'write');
  for (const o of ops) {
    if (o.invoke.f !== 'read' && o.invoke.f !== 'write') {
      return {
        unknownReason: `causal checks support read and write ops only, not ${o.invoke.f} (op #${o.invoke.index})`,
      };
    }
  }
  const keyed =
    options.keyed ??
    (ops.length > 0 && ops.every((o) => Array.isArray(o.invoke.value) && o.invoke.value.length === 2));
  const split = (v: Value): [Value, Value] => {
    if (!keyed) return ['', v];
    if (!Array.isArray(v) || v.length !== 2) return [null, v];
    return [v[0]!, v[1]!];
  };
  const initialKey = valueKey(options.initial ?? null);
  const keyIds = new Map<string, number>();
  const keys: Value[] = [];
  const internKey = (k: Value): number => {
    const s = valueKey(k);
    let id = keyIds.get(s);
    if (id === undefined) {
      id = keys.length;
      keyIds.set(s, id);
      keys.push(k);
    }
    return id;
  };
  // Candidate writes per key and value; failed writes kept apart for messages.
  type W = { op: (typeof ops)[number]; key: number; value: Value };
  const writesOf = new Map<string, W[]>();
  const failedOf = new Map<string, number>();
  const readValues = new Set<string>();
  const reads: { op: (typeof ops)[number]; key: number; value: Value; vk: string }[] = [];
  for (const o of ops) {
    if (o.invoke.f === 'write') {
      const [k, v] = split(o.invoke.value);
      const key = internKey(k);
      const vk = `${key}\u0000${valueKey(v)}`;
      if (o.outcome === 'fail') failedOf.set(vk, o.invoke.index);
      else {
        const list = writesOf.get(vk);
        if (list === undefined) writesOf.set(vk, [{ op: o, key, value: v }]);
        else list.push({ op: o, key, value: v });
      }
    } else if (o.outcome === 'ok') {
      const [k, v] = split(o.complete!.value);
      const key = internKey(k);
      const vk = `${key}\u0000${valueKey(v)}`;
      reads.push({ op: o, key, value: v, vk });
      readValues.add(vk);
    }
  }
  for (const r of reads) {
    const cands = writesOf.get(r.vk);
    if (cands === undefined) continue;
    const where = keyed ? ` to key ${showValue(keys[r.key]!)}` : '';
    if (cands.length > 1) {
      return {
        unknownReason:
          `value ${showValue(r.value)} was written${where} more than once (ops ${cands.map((c) => `#${c.op.invoke.index}`).join(', ')}) ` +
          `and read by op #${r.op.invoke.index}, so which write it read is ambiguous; the causal checks need each read value written at most once per key`,
      };
    }
    if (valueKey(r.value) === initialKey) {
      return {
        unknownReason:
          `value ${showValue(r.value)} is both the initial value and written${where} (op #${cands[0]!.op.invoke.index}); ` +
          `the read at op #${r.op.invoke.index} may have read either, so the causal checks cannot decide`,
      };
    }
  }
  // Nodes: ok reads, ok writes, and info writes that some read observed.
  const included = ops.filter((o) => {
    if (o.invoke.f === 'read') return o.outcome === 'ok';
    if (o.outcome === 'ok') return true;
    if (o.outcome === 'fail') return false;
    const [k, v] = split(o.invoke.value);
    return readValues.has(`${internKey(k)}\u0000${valueKey(v)}`);
  });
  const n = included.length;
  const sessionIds = new Map<number | string, number>();
  const processes: (number | string)[] = [];
  const g: CausalGraph = {
    n,
    sessions: 0,
    session: new Int32Array(n),
    pos: new Int32Array(n),
    isWrite: new Uint8Array(n),
    key: new Int32Array(n),
    src: new Int32Array(n).fill(-1),
    thin: new Uint8Array(n),
    opIndex: new Int32Array(n),
    value: new Array<Value>(n),
    keys,
    processes,
    writesBy: new Map(),
    sessionNodes: [],
    thinAir: [],
    keyed,
  };
  const nodeOfWrite = new Map<string, number>();
  // Crashed writes go last in their session: they are the last op of their process anyway.
  included.forEach((o, i) => {
    let s = sessionIds.get(o.invoke.process);
    if (s === undefined) {
      s = processes.length;
      sessionIds.set(o.invoke.process, s);
      processes.push(o.invoke.process);
      g.sessionNodes.push([]);
    }
    g.sessionNodes[s]!.push(i);
    g.session[i] = s;
    g.pos[i] = g.sessionNodes[s]!.length;
    g.opIndex[i] = o.invoke.index;
    const write = o.invoke.f === 'write';
    const [k, v] = split(write ? o.invoke.value : o.complete!.value);
    const key = internKey(k);
    g.key[i] = key;
    g.value[i] = v;
    if (write) {
      g.isWrite[i] = 1;
      nodeOfWrite.set(`${key}\u0000${valueKey(v)}`, i);
      let byKey = g.writesBy.get(key);
      if (byKey === undefined) g.writesBy.set(key, (byKey = new Map()));
      let list = byKey.get(s);
      if (list === undefined) byKey.set(s, (list = []));
      list.push(i);
    }
  });
  g.sessions = processes.length;
  for (let i = 0; i < n; i++) {
    if (g.isWrite[i]) continue;
    const vk = `${g.key[i]}\u0000${valueKey(g.value[i]!)}`;
    const w = nodeOfWrite.get(vk);
    if (w !== undefined) g.src[i] = w;
    else if (valueKey(g.value[i]!) !== initialKey) {
      g.thin[i] = 1;
      const failed = failedOf.get(vk);
      g.thinAir.push(failed === undefined ? { node: i } : { node: i, failedWrite: failed });
    }
  }
  return g;
}
