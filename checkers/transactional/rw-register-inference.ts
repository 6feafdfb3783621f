import type { Value } from '../../src/core/op.js';
import type { AnomalySink } from './anomaly-sink.js';
import type { EdgeList } from './edge-list.js';
import { RW, VIA_PROCESS, VIA_REALTIME, WR, WW } from './edge-kinds.js';
import type { Inference, ReadFrom } from './inference.js';
import { realtimePairs } from './realtime-edges.js';
import { FAIL, OK, READ, WRITE, type TxnHistory } from './txn-history.js';
import { keyName, txnName } from './txn-names.js';
import { showValue, valueKey } from './value-key.js';

type VKey = ReturnType<typeof valueKey>;

/** Which orders may be used to infer version orders, besides reads. */
export interface RwRegisterOrders {
  /** A txn that completed before another began wrote first (only sound for real-time models). */
  realtime: boolean;
  /** A process's earlier txn wrote first (only sound for strong-session models). */
  process: boolean;
  /** Build ww/rw edges and check version cycles; false when only reads-from is needed. */
  graph?: boolean;
}

/** Source of a version-order fact, stored in the aux of ww/rw edges derived from it. */
const BY_REALTIME = -3;
const BY_PROCESS = -4;

const same = (a: Value, b: Value): boolean => a === b || valueKey(a) === valueKey(b);

/**
 * Read/write-register inference. Unlike list-append, a read shows one version and nothing about
 * the order of the others, so the version order of a key is only partly known. Sound facts used:
 * the initial nil precedes every written version; a txn that read version v and then wrote v'
 * orders v < v'; and, only when the model being checked includes it, real-time or process order
 * between writers. From them: ww along known version orders, wr from the (unique) writer of the
 * value read, and rw from a reader of v to the writers of the versions known to follow v directly.
 * Reports G1a, G1b, internal, future-read, garbage-read, lost-update and cyclic-versions.
 */
export function inferRwRegister(
  h: TxnHistory,
  sink: AnomalySink,
  edges: EdgeList,
  orders: RwRegisterOrders,
): Inference {
  const nk = h.keyNames.length;
  const mops = h.mopKind.length;
  const T = (t: number): string => txnName(h, t);
  const K = (k: number): string => keyName(h, k);
  const writers: Map<VKey, number>[] = Array.from({ length: nk }, () => new Map());
  const ambiguousValues: Set<VKey>[] = Array.from({ length: nk }, () => new Set());
  const isFinal = new Uint8Array(mops);
  const duplicated: string[] = [];
  const seenKeys = new Set<number>();
  for (let t = 0; t < h.n; t++) {
    seenKeys.clear();
    for (let m = h.mopStart[t + 1]! - 1; m >= h.mopStart[t]!; m--) {
      if (h.mopKind[m] !== WRITE) continue;
      const k = h.mopKey[m]!;
      if (!seenKeys.has(k)) isFinal[m] = 1;
      seenKeys.add(k);
      const vk = valueKey(h.mopVal[m]!);
      const prior = writers[k]!.get(vk);
      if (prior !== undefined && h.mopTxn[prior] !== t) {
        ambiguousValues[k]!.add(vk);
        if (duplicated.length < 3) duplicated.push(`${showValue(h.mopVal[m]!)} to key ${K(k)}`);
      }
      if (prior === undefined || h.mopTxn[prior] === t) writers[k]!.set(vk, m);
    }
  }
  // Keep the earliest write of a value within one txn as its writer mop (scan above went backward).
  let skipped = 0;

  // Version-order facts per key: pairs of writer mops (-1 = initial state), plus their source.
  const vFrom: number[][] = Array.from({ length: nk }, () => []);
  const vTo: number[][] = Array.from({ length: nk }, () => []);
  const vWhy: number[][] = Array.from({ length: nk }, () => []);
  // External readers per version: key -> writer mop (-1 = initial) -> reading mops.
  const readersOf: Map<number, number[]>[] = Array.from({ length: nk }, () => new Map());
  const readFrom: ReadFrom = { reader: [], key: [], writer: [], mop: [] };
  const lost = new Map<string, number[]>();
  const known = new Map<number, Value>();
  const firstRead = new Map<number, number>(); // key -> writer mop of the version read (-1 initial)
  const wrote = new Set<number>();
  for (let t = 0; t < h.n; t++) {
    if (h.status[t] !== OK) continue;
    const s = h.mopStart[t]!;
    const e = h.mopStart[t + 1]!;
    known.clear();
    firstRead.clear();
    wrote.clear();
    for (let m = s; m < e; m++) {
      const k = h.mopKey[m]!;
      const v = h.mopVal[m]!;
      if (h.mopKind[m] === WRITE) {
        if (firstRead.has(k) && isFinal[m] && !wrote.has(k)) {
          vFrom[k]!.push(firstRead.get(k)!);
          vTo[k]!.push(m);
          vWhy[k]!.push(m);
          const id = `${k}:${firstRead.get(k)!}`;
          const group = lost.get(id);
          if (group) group.push(t);
          else lost.set(id, [t]);
        }
        wrote.add(k);
        known.set(k, v);
        continue;
      }
      if (known.has(k)) {
        const before = known.get(k)!;
        if (!same(before, v)) {
          sink.add({
            id: 'internal',
            message: `${T(t)} read key ${K(k)} = ${showValue(v)} although it had ${wrote.has(k) ? 'written' : 'read'} ${showValue(before)} there earlier in the same transaction.`,
            ops: [h.inv[t]!],
            key: h.keyNames[k],
          });
        }
        continue;
      }
      known.set(k, v);
      let w = -1;
      if (v !== null) {
        const vk = valueKey(v);
        if (ambiguousValues[k]!.has(vk)) {
          skipped++;
          continue;
        }
        w = writers[k]!.get(vk) ?? -2;
        if (w === -2) {
          sink.add({
            id: 'garbage-read',
            message: `${T(t)} read key ${K(k)} = ${showValue(v)}, but no transaction wrote that value there.`,
            ops: [h.inv[t]!],
            key: h.keyNames[k],
          });
          continue;
        }
        const wt = h.mopTxn[w]!;
        if (wt === t) {
          sink.add({
            id: 'future-read',
            message: `${T(t)} read key ${K(k)} = ${showValue(v)}, a value it writes only later in the same transaction.`,
            ops: [h.inv[t]!],
            key: h.keyNames[k],
          });
          continue;
        }
        if (h.status[wt] === FAIL) {
          sink.add({
            id: 'G1a',
            message: `${T(t)} read key ${K(k)} = ${showValue(v)}, written by ${T(wt)}, which aborted: an aborted write became visible.`,
            ops: [h.inv[wt]!, h.inv[t]!],
            key: h.keyNames[k],
          });
          continue;
        }
        if (!isFinal[w]) {
          sink.add({
            id: 'G1b',
            message: `${T(t)} read key ${K(k)} = ${showValue(v)}, an intermediate write of ${T(wt)}, which wrote key ${K(k)} again later in the same transaction.`,
            ops: [h.inv[wt]!, h.inv[t]!],
            key: h.keyNames[k],
          });
        }
        edges.add(wt, t, WR, k, m);
      }
      firstRead.set(k, w);
      const rs = readersOf[k]!.get(w);
      if (rs) rs.push(m);
      else readersOf[k]!.set(w, [m]);
      readFrom.reader.push(t);
      readFrom.key.push(k);
      readFrom.writer.push(w < 0 ? -1 : h.mopTxn[w]!);
      readFrom.mop.push(m);
    }
  }

  // Order-derived facts: writers of each key (final writes of non-aborted txns).
  const keyWriters: number[][] = Array.from({ length: nk }, () => []);
  for (let m = 0; m < mops; m++) {
    if (h.mopKind[m] === WRITE && isFinal[m] && h.status[h.mopTxn[m]!] !== FAIL)
      keyWriters[h.mopKey[m]!]!.push(m);
  }
  for (let k = 0; k < nk; k++) {
    const ws = keyWriters[k]!;
    if (orders.realtime) {
      const txns = ws.map((m) => h.mopTxn[m]!);
      const mopOf = new Map<number, number>(ws.map((m) => [h.mopTxn[m]!, m]));
      realtimePairs(txns, h.invTime, h.endTime, (a, b) => {
        vFrom[k]!.push(mopOf.get(a)!);
        vTo[k]!.push(mopOf.get(b)!);
        vWhy[k]!.push(BY_REALTIME);
      });
    } else if (orders.process) {
      const last = new Map<number, number>();
      for (const m of ws) {
        const p = h.proc[h.mopTxn[m]!]!;
        const prev = last.get(p);
        if (prev !== undefined) {
          vFrom[k]!.push(prev);
          vTo[k]!.push(m);
          vWhy[k]!.push(BY_PROCESS);
        }
        last.set(p, m);
      }
    }
  }

  for (let k = 0; k < nk && orders.graph !== false; k++) {
    const from = vFrom[k]!;
    const to = vTo[k]!;
    const why = vWhy[k]!;
    // Cyclic versions: Kahn's algorithm on the (small) per-key version graph.
    if (from.length > 0) {
      const indeg = new Map<number, number>();
      const out = new Map<number, number[]>();
      for (let i = 0; i < from.length; i++) {
        if (from[i]! < 0) continue;
        indeg.set(to[i]!, (indeg.get(to[i]!) ?? 0) + 1);
        if (!indeg.has(from[i]!)) indeg.set(from[i]!, 0);
        const o = out.get(from[i]!);
        if (o) o.push(to[i]!);
        else out.set(from[i]!, [to[i]!]);
      }
      const queue = [...indeg].filter(([, d]) => d === 0).map(([m]) => m);
      for (let q = 0; q < queue.length; q++) {
        for (const x of out.get(queue[q]!) ?? []) {
          const d = indeg.get(x)! - 1;
          indeg.set(x, d);
          if (d === 0) queue.push(x);
        }
      }
      if (queue.length < indeg.size) {
        const stuck = [...indeg].filter(([, d]) => d > 0).map(([m]) => m);
        sink.add({
          id: 'cyclic-versions',
          message: `The versions of key ${K(k)} written by ${stuck.map((m) => T(h.mopTxn[m]!)).join(', ')} (values ${stuck.map((m) => showValue(h.mopVal[m]!)).join(', ')}) must each come before another: no version order exists.`,
          ops: stuck.map((m) => h.inv[h.mopTxn[m]!]!),
          key: h.keyNames[k],
        });
      }
    }
    for (let i = 0; i < from.length; i++) {
      const u = from[i]!;
      const v = to[i]!;
      const vt = h.mopTxn[v]!;
      // The edges stay ww and rw; the basis flag records that their version order came from order.
      const basis = why[i] === BY_REALTIME ? VIA_REALTIME : why[i] === BY_PROCESS ? VIA_PROCESS : 0;
      if (u >= 0) edges.add(h.mopTxn[u]!, vt, WW | basis, k, why[i]);
      for (const r of readersOf[k]!.get(u) ?? []) edges.add(h.mopTxn[r]!, vt, RW | basis, k, r);
    }
    // The initial state precedes every written version. Versions with a known earlier version are
    // reached through it (rw then ww), so only the first known versions need an edge.
    const initReaders = readersOf[k]!.get(-1);
    if (initReaders) {
      const later = new Set<number>();
      for (let i = 0; i < from.length; i++) if (from[i]! >= 0 && why[i]! >= 0) later.add(to[i]!);
      for (const r of initReaders) {
        for (const m of keyWriters[k]!) if (!later.has(m)) edges.add(h.mopTxn[r]!, h.mopTxn[m]!, RW, k, r);
      }
    }
  }
  for (const [id, group] of lost) {
    if (group.length < 2) continue;
    const k = Number(id.slice(0, id.indexOf(':')));
    const wm = Number(id.slice(id.indexOf(':') + 1));
    sink.add({
      id: 'lost-update',
      message: `${group.map(T).join(', ')} all read key ${K(k)} = ${wm < 0 ? 'nil' : showValue(h.mopVal[wm]!)} and then wrote it: all committed, so all but one of them overwrote a state the others had already changed.`,
      ops: group.map((t) => h.inv[t]!),
      key: h.keyNames[k],
    });
  }

  const valueOf = (t: number, k: number): string => {
    for (let m = h.mopStart[t + 1]! - 1; m >= h.mopStart[t]!; m--) {
      if (h.mopKind[m] === WRITE && h.mopKey[m] === k) return showValue(h.mopVal[m]!);
    }
    return '?';
  };
  const explain = (e: number): string => {
    const a = edges.from[e]!;
    const b = edges.to[e]!;
    const k = edges.key[e]!;
    const aux = edges.aux[e]!;
    const kind = edges.kind[e]!;
    const wb = `${T(b)}'s write of ${valueOf(b, k)}`;
    if (kind === WR)
      return `${T(b)} read ${T(a)}'s write of ${valueOf(a, k)} to key ${K(k)}, so ${T(a)} < ${T(b)}`;
    if (aux < 0 || h.mopKind[aux] !== READ) {
      // A version-order edge between two writers.
      const why =
        aux === BY_REALTIME
          ? `${T(a)} completed before ${T(b)} began`
          : aux === BY_PROCESS
            ? `process ${String(h.processNames[h.proc[a]!])} ran ${T(a)} before ${T(b)}`
            : `${T(b)} read ${T(a)}'s version before overwriting it`;
      return `${T(a)} wrote ${valueOf(a, k)} to key ${K(k)} and ${wb} is the later version (${why}), so ${T(a)} < ${T(b)}`;
    }
    const seen = h.mopVal[aux]!;
    if (seen === null) {
      return `${T(a)} read key ${K(k)} = nil, the initial state, which ${wb} overwrites, so ${T(a)} < ${T(b)}`;
    }
    const why =
      kind & VIA_REALTIME
        ? `its writer completed before ${T(b)} began`
        : kind & VIA_PROCESS
          ? `its writer ran before ${T(b)} in the same process`
          : `${T(b)} read that version and then overwrote it`;
    return `${T(a)} read key ${K(k)} = ${showValue(seen)} and ${wb} is the next version (${why}), so ${T(a)} < ${T(b)}`;
  };
  const ambiguous =
    duplicated.length > 0
      ? `values were written more than once to the same key (${duplicated.join('; ')}); ${skipped} reads of them could not be attributed to one writer`
      : undefined;
  return {
    readFrom,
    explain,
    ambiguous,
    notes: [
      'rw-register infers version orders only from the initial nil state and from transactions that read a key and then wrote it' +
        (orders.realtime
          ? ', plus real-time order between writers (assumed by the real-time model)'
          : orders.process
            ? ', plus process order between writers (assumed by the strong-session model)'
            : '') +
        ': cycles through versions ordered by nothing else stay invisible, so it is weaker than list-append.',
    ],
  };
}
