import type { Value } from '../../src/core/op.js';
import type { AnomalySink } from './anomaly-sink.js';
import type { EdgeList } from './edge-list.js';
import { RW, VIA_PROCESS, VIA_REALTIME, WR, WW } from './edge-kinds.js';
import type { Inference, ReadFrom } from './inference.js';
import { rankOrder } from './rank-order.js';
import { realtimePairs } from './realtime-edges.js';
import { explainRegisterEdge } from './rw-register-explain.js';
import { BY_COMPLETION, BY_PROCESS, BY_REALTIME } from './version-basis.js';
import { FAIL, INFO, OK, WRITE, type TxnHistory } from './txn-history.js';
import { keyName, txnName } from './txn-names.js';
import { showValue, valueKey } from './value-key.js';
import { indexWriters, type WriterIndex } from './writer-index.js';

/** Which orders may be used to infer version orders, besides reads. */
export interface RwRegisterOrders {
  /** A txn that completed before another began wrote first (only sound for real-time models). */
  realtime: boolean;
  /** A process's earlier txn wrote first (only sound for strong-session models). */
  process: boolean;
  /** Build ww/rw edges and check version cycles; false when only reads-from is needed. */
  graph?: boolean;
}

/** Version-order facts of one key: pairs of writer mops (-1 = initial state) and why each holds. */
interface Facts {
  from: number[];
  to: number[];
  why: number[];
}

/** What the per-transaction pass learns: readers of each version, reads-from, lost-update groups. */
interface RegisterReads {
  /** key -> version (writer mop, -1 = initial) -> reading mops. */
  readersOf: Map<number, number[]>[];
  readFrom: ReadFrom;
  /** "key:version" -> committed txns that read that version of the key and then wrote the key. */
  lost: Map<string, number[]>;
  skipped: number;
}

const same = (a: Value, b: Value): boolean => a === b || valueKey(a) === valueKey(b);

/**
 * Read/write-register inference. Unlike list-append, a read shows one version and nothing about
 * the order of the others, so the version order of a key is only partly known. Sound facts used:
 * the initial nil precedes every written version; a txn that read version v and then wrote v'
 * orders v < v'; and, only when the model being checked includes it, real-time or process order
 * between writers. From them: ww along known version orders, wr from the (unique) writer of the
 * value read, and rw from a reader of v to the writers of the versions known to follow v directly.
 * Where the facts leave a key's order open, `complete` proposes total orders for the checker to try.
 */
export function inferRwRegister(
  h: TxnHistory,
  sink: AnomalySink,
  edges: EdgeList,
  orders: RwRegisterOrders,
): Inference {
  const nk = h.keyNames.length;
  const idx = indexWriters(h);
  const facts: Facts[] = Array.from({ length: nk }, () => ({ from: [], to: [], why: [] }));
  const reads = readCases(h, idx, sink, edges, facts);
  const keyWriters = writersByKey(h, idx);
  orderFacts(h, keyWriters, facts, orders);
  if (orders.graph !== false) {
    for (let k = 0; k < nk; k++) {
      cyclicVersionCases(h, sink, facts[k]!, k);
      versionEdges(h, edges, facts[k]!, reads.readersOf[k]!, k);
      initialReaderEdges(h, edges, facts[k]!, reads.readersOf[k]!, keyWriters[k]!, k);
    }
  }
  lostUpdateCases(h, sink, reads.lost);
  const committed = committedWriters(h, keyWriters, reads.readFrom);
  const open: number[] = [];
  for (let k = 0; k < nk; k++) if (!orderIsTotal(committed[k]!, facts[k]!)) open.push(k);
  const ambiguous =
    idx.duplicated.length > 0
      ? `values were written more than once to the same key (${idx.duplicated.join('; ')}); ${reads.skipped} reads of them could not be attributed to one writer`
      : undefined;
  return {
    readFrom: reads.readFrom,
    explain: explainRegisterEdge(h, edges),
    ambiguous,
    openKeys: open.length,
    complete: (into, rank, attempt) =>
      attempt < 2 && completeOrders(h, into, open, committed, facts, reads.readersOf, rank, attempt === 0),
    notes: [
      'rw-register infers version orders only from the initial nil state and from transactions that read a key and then wrote it' +
        (orders.realtime
          ? ', plus real-time order between writers (assumed by the real-time model)'
          : orders.process
            ? ', plus process order between writers (assumed by the strong-session model)'
            : '') +
        ': where that leaves a key’s order open, a valid verdict needs one full order that shows no forbidden cycle, and cycles through versions ordered by nothing else stay invisible, so it is weaker than list-append.',
    ],
  };
}

/** The per-transaction pass over committed txns: internal reads, external reads, read-then-write facts. */
function readCases(
  h: TxnHistory,
  idx: WriterIndex,
  sink: AnomalySink,
  edges: EdgeList,
  facts: Facts[],
): RegisterReads {
  const nk = h.keyNames.length;
  const out: RegisterReads = {
    readersOf: Array.from({ length: nk }, () => new Map()),
    readFrom: { reader: [], key: [], writer: [], mop: [] },
    lost: new Map(),
    skipped: 0,
  };
  const own = new Map<number, Value>(); // key -> the txn's last write so far
  const seen = new Map<number, number[]>(); // key -> versions its external reads returned
  for (let t = 0; t < h.n; t++) {
    if (h.status[t] !== OK) continue;
    own.clear();
    seen.clear();
    for (let m = h.mopStart[t]!; m < h.mopStart[t + 1]!; m++) {
      const k = h.mopKey[m]!;
      if (h.mopKind[m] === WRITE) {
        if (!own.has(k)) readThenWriteFacts(h, idx, facts[k]!, out.lost, seen.get(k), t, k);
        own.set(k, h.mopVal[m]!);
        continue;
      }
      if (own.has(k)) {
        internalCase(h, sink, t, m, own.get(k)!);
        continue;
      }
      const w = resolveRead(h, idx, sink, t, m);
      if (w === undefined) {
        if (h.mopVal[m] !== null && idx.ambiguous[k]!.has(valueKey(h.mopVal[m]!))) out.skipped++;
        continue;
      }
      const before = seen.get(k);
      if (before?.includes(w)) continue;
      if (before) nonRepeatableCase(h, sink, t, m, before[0]!, w);
      if (before) before.push(w);
      else seen.set(k, [w]);
      if (w >= 0) edges.add(h.mopTxn[w]!, t, WR, k, m);
      const rs = out.readersOf[k]!.get(w);
      if (rs) rs.push(m);
      else out.readersOf[k]!.set(w, [m]);
      out.readFrom.reader.push(t);
      out.readFrom.key.push(k);
      out.readFrom.writer.push(w < 0 ? -1 : h.mopTxn[w]!);
      out.readFrom.mop.push(m);
    }
  }
  return out;
}

/**
 * A txn that read versions of key k and then writes k installs its version after each of them
 * (the reader saw them, so they committed before it in every model that forbids G1c).
 */
function readThenWriteFacts(
  h: TxnHistory,
  idx: WriterIndex,
  f: Facts,
  lost: Map<string, number[]>,
  versions: number[] | undefined,
  t: number,
  k: number,
): void {
  if (!versions) return;
  let last = -1;
  for (let m = h.mopStart[t + 1]! - 1; m >= h.mopStart[t]! && last < 0; m--) {
    if (h.mopKind[m] === WRITE && h.mopKey[m] === k && idx.isFinal[m]) last = m;
  }
  for (const v of versions) {
    f.from.push(v);
    f.to.push(last);
    f.why.push(last);
  }
  const id = `${k}:${versions[0]!}`;
  const group = lost.get(id);
  if (group) group.push(t);
  else lost.set(id, [t]);
}

/** A read after the txn's own write must return that write: else a read-your-writes failure within it. */
function internalCase(h: TxnHistory, sink: AnomalySink, t: number, m: number, mine: Value): void {
  const v = h.mopVal[m]!;
  if (same(mine, v)) return;
  sink.add({
    id: 'internal',
    message: `${txnName(h, t)} read key ${keyName(h, h.mopKey[m]!)} = ${showValue(v)} although it had written ${showValue(mine)} there earlier in the same transaction.`,
    ops: [h.inv[t]!],
    key: h.keyNames[h.mopKey[m]!],
  });
}

/**
 * The writer mop of an external read (-1: the initial nil), or undefined when no committed version
 * explains it; reports garbage-read, future-read and G1a, and G1b (whose read still gets its edge).
 */
function resolveRead(
  h: TxnHistory,
  idx: WriterIndex,
  sink: AnomalySink,
  t: number,
  m: number,
): number | undefined {
  const k = h.mopKey[m]!;
  const v = h.mopVal[m]!;
  if (v === null) return -1;
  const vk = valueKey(v);
  if (idx.ambiguous[k]!.has(vk)) return undefined;
  const w = idx.writers[k]!.get(vk);
  const T = txnName(h, t);
  const at = `${T} read key ${keyName(h, k)} = ${showValue(v)}`;
  if (w === undefined) {
    sink.add({
      id: 'garbage-read',
      message: `${at}, but no transaction wrote that value there.`,
      ops: [h.inv[t]!],
      key: h.keyNames[k],
    });
    return undefined;
  }
  const wt = h.mopTxn[w]!;
  if (wt === t) {
    sink.add({
      id: 'future-read',
      message: `${at}, a value it writes only later in the same transaction.`,
      ops: [h.inv[t]!],
      key: h.keyNames[k],
    });
    return undefined;
  }
  if (h.status[wt] === FAIL) {
    sink.add({
      id: 'G1a',
      message: `${at}, written by ${txnName(h, wt)}, which aborted: an aborted write became visible.`,
      ops: [h.inv[wt]!, h.inv[t]!],
      key: h.keyNames[k],
    });
    return undefined;
  }
  if (!idx.isFinal[w]) {
    sink.add({
      id: 'G1b',
      message: `${at}, an intermediate write of ${txnName(h, wt)}, which wrote key ${keyName(h, k)} again later in the same transaction.`,
      ops: [h.inv[wt]!, h.inv[t]!],
      key: h.keyNames[k],
    });
  }
  return w;
}

/**
 * Two external reads of one key in one txn returned versions of two different writers. Whichever
 * version is older, the txn read it while the other's writer overwrote it (rw) and also read that
 * writer's version (wr): a G-single cycle in every version order. The initial state is always
 * first, so a read of nil gets its cycle from the ordinary edges instead.
 */
function nonRepeatableCase(
  h: TxnHistory,
  sink: AnomalySink,
  t: number,
  m: number,
  w0: number,
  w: number,
): void {
  if (w0 < 0 || w < 0 || h.mopTxn[w0] === h.mopTxn[w]) return;
  const k = h.mopKey[m]!;
  const T = txnName(h, t);
  const a = txnName(h, h.mopTxn[w0]!);
  const b = txnName(h, h.mopTxn[w]!);
  sink.add({
    id: 'G-single',
    message: `G-single: ${T} read key ${keyName(h, k)} twice, first ${showValue(h.mopVal[w0]!)} (written by ${a}) and then ${showValue(h.mopVal[w]!)} (written by ${b}), a non-repeatable read. Whichever version came first, ${T} read it and missed the other, which it also read: ${T} < ${a} < ${T} or ${T} < ${b} < ${T}, a cycle with one rw edge.`,
    ops: [h.inv[h.mopTxn[w0]!]!, h.inv[h.mopTxn[w]!]!, h.inv[t]!],
    key: h.keyNames[k],
  });
}

/** Final writes of non-aborted txns, per key. */
function writersByKey(h: TxnHistory, idx: WriterIndex): number[][] {
  const out: number[][] = Array.from({ length: h.keyNames.length }, () => []);
  for (let m = 0; m < h.mopKind.length; m++) {
    if (h.mopKind[m] === WRITE && idx.isFinal[m] && h.status[h.mopTxn[m]!] !== FAIL)
      out[h.mopKey[m]!]!.push(m);
  }
  return out;
}

/** Writers known to have committed: ok txns, and indeterminate ones some read observed. */
function committedWriters(h: TxnHistory, keyWriters: number[][], rf: ReadFrom): number[][] {
  const observed = new Set<number>(rf.writer);
  return keyWriters.map((ws) =>
    ws.filter((m) => h.status[h.mopTxn[m]!] !== INFO || observed.has(h.mopTxn[m]!)),
  );
}

/** Version-order facts from real-time or process order between writers, when the model assumes it. */
function orderFacts(h: TxnHistory, keyWriters: number[][], facts: Facts[], orders: RwRegisterOrders): void {
  keyWriters.forEach((ws, k) => {
    const f = facts[k]!;
    if (orders.realtime) {
      const mopOf = new Map<number, number>(ws.map((m) => [h.mopTxn[m]!, m]));
      realtimePairs(
        ws.map((m) => h.mopTxn[m]!),
        h.invTime,
        h.endTime,
        (a, b) => {
          f.from.push(mopOf.get(a)!);
          f.to.push(mopOf.get(b)!);
          f.why.push(BY_REALTIME);
        },
      );
    } else if (orders.process) {
      const last = new Map<number, number>();
      for (const m of ws) {
        const p = h.proc[h.mopTxn[m]!]!;
        const prev = last.get(p);
        if (prev !== undefined) {
          f.from.push(prev);
          f.to.push(m);
          f.why.push(BY_PROCESS);
        }
        last.set(p, m);
      }
    }
  });
}

/** Cyclic versions: the known facts of a key admit no version order (Kahn's algorithm). */
function cyclicVersionCases(h: TxnHistory, sink: AnomalySink, f: Facts, k: number): void {
  const nodes = new Set<number>();
  for (let i = 0; i < f.from.length; i++) if (f.from[i]! >= 0) nodes.add(f.from[i]!).add(f.to[i]!);
  if (nodes.size === 0) return;
  const list = [...nodes];
  const from = f.from.filter((u) => u >= 0);
  const to = f.to.filter((_, i) => f.from[i]! >= 0);
  const stuck = stuckOnCycles(list, from, to);
  if (stuck.length === 0) return;
  sink.add({
    id: 'cyclic-versions',
    message: `The versions of key ${keyName(h, k)} written by ${stuck.map((m) => txnName(h, h.mopTxn[m]!)).join(', ')} (values ${stuck.map((m) => showValue(h.mopVal[m]!)).join(', ')}) must each come before another: no version order exists.`,
    ops: stuck.map((m) => h.inv[h.mopTxn[m]!]!),
    key: h.keyNames[k],
  });
}

/** Nodes that Kahn's algorithm cannot remove: those on or behind a cycle. */
function stuckOnCycles(nodes: number[], from: number[], to: number[]): number[] {
  const indeg = new Map<number, number>(nodes.map((v) => [v, 0]));
  const out = new Map<number, number[]>();
  for (let i = 0; i < from.length; i++) {
    indeg.set(to[i]!, indeg.get(to[i]!)! + 1);
    const o = out.get(from[i]!);
    if (o) o.push(to[i]!);
    else out.set(from[i]!, [to[i]!]);
  }
  const queue = nodes.filter((v) => indeg.get(v) === 0);
  for (let q = 0; q < queue.length; q++) {
    for (const x of out.get(queue[q]!) ?? []) {
      const d = indeg.get(x)! - 1;
      indeg.set(x, d);
      if (d === 0) queue.push(x);
    }
  }
  return queue.length < nodes.length ? nodes.filter((v) => indeg.get(v)! > 0) : [];
}

/**
 * ww along each fact and rw from the readers of its earlier version. The edges stay ww and rw; a
 * basis flag records when the fact came from process or real-time order.
 */
function versionEdges(
  h: TxnHistory,
  edges: EdgeList,
  f: Facts,
  readersOf: Map<number, number[]>,
  k: number,
): void {
  for (let i = 0; i < f.from.length; i++) {
    const u = f.from[i]!;
    const vt = h.mopTxn[f.to[i]!]!;
    const basis = f.why[i] === BY_REALTIME ? VIA_REALTIME : f.why[i] === BY_PROCESS ? VIA_PROCESS : 0;
    if (u >= 0) edges.add(h.mopTxn[u]!, vt, WW | basis, k, f.why[i]);
    for (const r of readersOf.get(u) ?? []) edges.add(h.mopTxn[r]!, vt, RW | basis, k, r);
  }
}

/**
 * The initial state precedes every written version. Versions with a known earlier version (from a
 * read) are reached through it (rw then ww), so only the first known versions need an edge.
 */
function initialReaderEdges(
  h: TxnHistory,
  edges: EdgeList,
  f: Facts,
  readersOf: Map<number, number[]>,
  writers: number[],
  k: number,
): void {
  const initReaders = readersOf.get(-1);
  if (!initReaders) return;
  const later = new Set<number>();
  for (let i = 0; i < f.from.length; i++) if (f.from[i]! >= 0 && f.why[i]! >= 0) later.add(f.to[i]!);
  for (const r of initReaders) {
    for (const m of writers) if (!later.has(m)) edges.add(h.mopTxn[r]!, h.mopTxn[m]!, RW, k, r);
  }
}

/** Lost update: several committed txns read the same version of a key and all wrote it. */
function lostUpdateCases(h: TxnHistory, sink: AnomalySink, lost: Map<string, number[]>): void {
  for (const [id, group] of lost) {
    if (group.length < 2) continue;
    const k = Number(id.slice(0, id.indexOf(':')));
    const wm = Number(id.slice(id.indexOf(':') + 1));
    sink.add({
      id: 'lost-update',
      message: `${group.map((t) => txnName(h, t)).join(', ')} all read key ${keyName(h, k)} = ${wm < 0 ? 'nil' : showValue(h.mopVal[wm]!)} and then wrote it: all committed, so all but one of them overwrote a state the others had already changed.`,
      ops: group.map((t) => h.inv[t]!),
      key: h.keyNames[k],
    });
  }
}

/** Whether the facts order every pair of the key's committed writers (a unique topological order). */
function orderIsTotal(writers: number[], f: Facts): boolean {
  if (writers.length < 2) return true;
  const index = new Map<number, number>(writers.map((m, i) => [m, i]));
  const indeg = new Int32Array(writers.length);
  const out: number[][] = writers.map(() => []);
  for (let i = 0; i < f.from.length; i++) {
    const a = index.get(f.from[i]!);
    const b = index.get(f.to[i]!);
    if (a === undefined || b === undefined) continue;
    out[a]!.push(b);
    indeg[b]!++;
  }
  let ready = [...indeg.keys()].filter((i) => indeg[i] === 0);
  while (ready.length === 1) {
    const x = ready[0]!;
    ready = [];
    for (const y of out[x]!) if (--indeg[y]! === 0) ready.push(y);
  }
  // Unique only if every node was taken one at a time; a cycle is reported as cyclic-versions.
  return ready.length === 0 && [...indeg].every((d) => d <= 0);
}

/**
 * One total version order per open key, extending the facts: ready versions by `rank` of their
 * writers, and with `unreadFirst` versions no one read before the others (a read of the latest
 * version then needs no anti-dependency). Adds its ww and rw edges.
 */
function completeOrders(
  h: TxnHistory,
  into: EdgeList,
  open: number[],
  committed: number[][],
  facts: Facts[],
  readersOf: Map<number, number[]>[],
  rank: Int32Array,
  unreadFirst: boolean,
): boolean {
  for (const k of open) {
    const f = facts[k]!;
    const read = readersOf[k]!;
    const priority = (m: number): number => (unreadFirst && !read.has(m) ? 0 : h.n) + rank[h.mopTxn[m]!]!;
    const order = rankOrder(committed[k]!, f.from, f.to, priority);
    for (const r of read.get(-1) ?? [])
      if (order.length > 0) into.add(h.mopTxn[r]!, h.mopTxn[order[0]!]!, RW, k, r);
    for (let i = 0; i + 1 < order.length; i++) {
      const b = h.mopTxn[order[i + 1]!]!;
      into.add(h.mopTxn[order[i]!]!, b, WW, k, BY_COMPLETION);
      for (const r of read.get(order[i]!) ?? []) into.add(h.mopTxn[r]!, b, RW, k, r);
    }
  }
  return true;
}
