import type { History, Value } from '../../src/core/op.js';
import { clientOps } from '../set/client-ops.js';
import { showValue } from '../models/show-value.js';
import { valueKey } from '../models/value-key.js';

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
  thinAir: { node: number; failedWrite?: number; others?: number }[];
  /** Whether the history is keyed ([key value] values). */
  keyed: boolean;
}

/** Options for building the graph. */
export interface CausalGraphOptions {
  /** The value every key holds before any write; null unless given. */
  initial?: Value;
  /** Values are [key value]; detected from the reads when omitted. */
  keyed?: boolean;
  /**
   * The initial value of each key is not known (e.g. a preloaded store). Then a key's reads of a
   * value nobody wrote are taken as reads of its initial value when they all agree on it; that
   * value is assumed to differ from every written value.
   */
  initialUnknown?: boolean;
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
  // One pass: each op's key id, value, and "key|value" string, computed once.
  const m = ops.length;
  const opKey = new Int32Array(m);
  const opValue = new Array<Value>(m);
  const opVk = new Array<string>(m);
  for (let i = 0; i < m; i++) {
    const o = ops[i]!;
    const isWrite = o.invoke.f === 'write';
    if (!isWrite && o.outcome !== 'ok') continue;
    // A keyed read completed with a bare value (not [key value]) read that value at its invoked key.
    const returned = isWrite ? undefined : o.complete!.value;
    const [k, v] =
      returned === undefined
        ? split(o.invoke.value)
        : keyed && !(Array.isArray(returned) && returned.length === 2)
          ? [split(o.invoke.value)[0], returned]
          : split(returned);
    const ks = valueKey(k);
    let id = keyIds.get(ks);
    if (id === undefined) {
      id = keys.length;
      keyIds.set(ks, id);
      keys.push(k);
    }
    opKey[i] = id;
    opValue[i] = v;
    opVk[i] = `${id}|${valueKey(v)}`;
  }
  // Candidate writes per key and value (first one and how many); failed writes kept apart for messages.
  const firstWrite = new Map<string, number>();
  const writeCount = new Map<string, number>();
  const failedOf = new Map<string, number>();
  const readValues = new Set<string>();
  for (let i = 0; i < m; i++) {
    const o = ops[i]!;
    const vk = opVk[i];
    if (vk === undefined) continue;
    if (o.invoke.f === 'write') {
      if (o.outcome === 'fail') failedOf.set(vk, o.invoke.index);
      else if (!firstWrite.has(vk)) {
        firstWrite.set(vk, i);
        writeCount.set(vk, 1);
      } else writeCount.set(vk, writeCount.get(vk)! + 1);
    } else readValues.add(vk);
  }
  for (let i = 0; i < m; i++) {
    const o = ops[i]!;
    const vk = opVk[i];
    if (vk === undefined || o.invoke.f !== 'read') continue;
    const first = firstWrite.get(vk);
    if (first === undefined) continue;
    const where = (): string => (keyed ? ` to key ${showValue(keys[opKey[i]!]!)}` : '');
    const value = opValue[i]!;
    if (writeCount.get(vk)! > 1) {
      const all = ops
        .map((w, j) =>
          w.invoke.f === 'write' && w.outcome !== 'fail' && opVk[j] === vk ? `#${w.invoke.index}` : '',
        )
        .filter((x) => x !== '');
      return {
        unknownReason:
          `value ${showValue(value)} was written${where()} more than once (ops ${all.join(', ')}) ` +
          `and read by op #${o.invoke.index}, so which write it read is ambiguous; the causal checks need each read value written at most once per key`,
      };
    }
    if (options.initialUnknown !== true && valueKey(value) === initialKey) {
      return {
        unknownReason:
          `value ${showValue(value)} is both the initial value and written${where()} (op #${ops[first]!.invoke.index}); ` +
          `the read at op #${o.invoke.index} may have read either, so the causal checks cannot decide`,
      };
    }
  }
  // Nodes: ok reads, ok writes, and info writes that some read observed.
  const included: number[] = [];
  for (let i = 0; i < m; i++) {
    const o = ops[i]!;
    if (opVk[i] === undefined || o.outcome === 'fail') continue;
    if (o.invoke.f === 'write' && o.outcome === 'info' && !readValues.has(opVk[i]!)) continue;
    included.push(i);
  }
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
  for (let v = 0; v < n; v++) {
    const i = included[v]!;
    const o = ops[i]!;
    let s = sessionIds.get(o.invoke.process);
    if (s === undefined) {
      s = processes.length;
      sessionIds.set(o.invoke.process, s);
      processes.push(o.invoke.process);
      g.sessionNodes.push([]);
    }
    g.sessionNodes[s]!.push(v);
    g.session[v] = s;
    g.pos[v] = g.sessionNodes[s]!.length;
    g.opIndex[v] = o.invoke.index;
    const key = opKey[i]!;
    g.key[v] = key;
    g.value[v] = opValue[i]!;
    if (o.invoke.f === 'write') {
      g.isWrite[v] = 1;
      nodeOfWrite.set(opVk[i]!, v);
      let byKey = g.writesBy.get(key);
      if (byKey === undefined) g.writesBy.set(key, (byKey = new Map()));
      let list = byKey.get(s);
      if (list === undefined) byKey.set(s, (list = []));
      list.push(v);
    }
  }
  g.sessions = processes.length;
  // With an unknown initial value: the distinct unwritten values read, per key.
  const unwritten = new Map<number, Set<string>>();
  if (options.initialUnknown === true) {
    for (let v = 0; v < n; v++) {
      if (g.isWrite[v] || nodeOfWrite.has(opVk[included[v]!]!)) continue;
      let set = unwritten.get(g.key[v]!);
      if (set === undefined) unwritten.set(g.key[v]!, (set = new Set()));
      set.add(opVk[included[v]!]!);
    }
  }
  for (let v = 0; v < n; v++) {
    if (g.isWrite[v]) continue;
    const vk = opVk[included[v]!]!;
    const w = nodeOfWrite.get(vk);
    if (w !== undefined) {
      g.src[v] = w;
      continue;
    }
    const distinct = unwritten.get(g.key[v]!)?.size ?? 0;
    if (options.initialUnknown === true ? distinct === 1 : valueKey(g.value[v]!) === initialKey) continue;
    g.thin[v] = 1;
    const failed = failedOf.get(vk);
    const t: CausalGraph['thinAir'][number] = { node: v };
    if (failed !== undefined) t.failedWrite = failed;
    if (distinct > 1) t.others = distinct;
    g.thinAir.push(t);
  }
  return g;
}
