import type { Value } from '../../src/core/op.js';
import type { AnomalySink } from './anomaly-sink.js';
import type { EdgeList } from './edge-list.js';
import { RW, WR, WW } from './edge-kinds.js';
import type { Inference, ReadFrom } from './inference.js';
import { FAIL, OK, WRITE, type TxnHistory } from './txn-history.js';
import { keyName, txnName } from './txn-names.js';
import { showValue, valueKey } from './value-key.js';

type VKey = ReturnType<typeof valueKey>;

const same = (a: Value | undefined, b: Value | undefined): boolean =>
  a === b ||
  (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && valueKey(a) === valueKey(b));

/** aux of a ww edge to an append no read ever showed. */
const UNOBSERVED = -2;

/**
 * List-append inference (Elle): the longest read of a key is its version order, and every other read
 * must be a prefix of it. Adds ww (consecutive appends), wr (writer of the last element read -> reader)
 * and rw (reader -> writer of the next element) edges, and reports the non-cycle anomalies: G1a,
 * G1b, dirty-update, duplicate-elements, incompatible-order, internal, future-read, lost-update,
 * garbage-read. A committed append that no read shows comes after every observed append: it gets
 * a ww edge from the last observed writer and rw edges from the readers of the whole list.
 */
export function inferListAppend(h: TxnHistory, sink: AnomalySink, edges: EdgeList): Inference {
  const nk = h.keyNames.length;
  const mops = h.mopKind.length;
  const writers: Map<VKey, number>[] = Array.from({ length: nk }, () => new Map());
  const isFinal = new Uint8Array(mops);
  const duplicated: string[] = [];
  const ambiguousValues: Set<VKey>[] = Array.from({ length: nk }, () => new Set());
  const seenKeys = new Set<number>();
  for (let t = 0; t < h.n; t++) {
    seenKeys.clear();
    for (let m = h.mopStart[t + 1]! - 1; m >= h.mopStart[t]!; m--) {
      if (h.mopKind[m] !== WRITE) continue;
      const k = h.mopKey[m]!;
      if (!seenKeys.has(k)) isFinal[m] = 1;
      seenKeys.add(k);
    }
    for (let m = h.mopStart[t]!; m < h.mopStart[t + 1]!; m++) {
      if (h.mopKind[m] !== WRITE) continue;
      const w = writers[h.mopKey[m]!]!;
      const vk = valueKey(h.mopVal[m]!);
      if (w.has(vk)) {
        if (h.mopTxn[w.get(vk)!] === t) continue;
        ambiguousValues[h.mopKey[m]!]!.add(vk);
        if (duplicated.length < 3)
          duplicated.push(`${showValue(h.mopVal[m]!)} to key ${keyName(h, h.mopKey[m]!)}`);
        continue;
      }
      w.set(vk, m);
    }
  }
  const writerMop = (k: number, v: Value | undefined): number =>
    v === undefined ? -1 : (writers[k]!.get(valueKey(v)) ?? -1);
  const T = (t: number): string => txnName(h, t);
  const K = (k: number): string => keyName(h, k);

  // Per-txn pass: internal consistency, future reads, external prefix length of each read.
  const extLen = new Int32Array(mops).fill(-1);
  const readsByKey: number[][] = Array.from({ length: nk }, () => []);
  const rmw = new Uint8Array(mops); // 1: first op on its key in the txn, and the txn appends the key later
  const known = new Map<number, { base: Value[]; added: Value[] }>(); // last read, own appends since
  const own = new Map<number, Value[]>(); // own appends so far, per key
  for (let t = 0; t < h.n; t++) {
    if (h.status[t] !== OK) continue;
    const s = h.mopStart[t]!;
    const e = h.mopStart[t + 1]!;
    known.clear();
    own.clear();
    for (let m = s; m < e; m++) {
      const k = h.mopKey[m]!;
      if (h.mopKind[m] === WRITE) {
        const v = h.mopVal[m]!;
        known.get(k)?.added.push(v);
        const o = own.get(k);
        if (o) o.push(v);
        else own.set(k, [v]);
        continue;
      }
      const r = (h.mopVal[m] as Value[] | null) ?? [];
      // Future read: the read shows an append this txn makes only later.
      for (let m2 = m + 1; m2 < e; m2++) {
        if (h.mopKind[m2] !== WRITE || h.mopKey[m2] !== k) continue;
        if (r.some((x) => same(x, h.mopVal[m2]!))) {
          sink.add({
            id: 'future-read',
            message: `${T(t)} read key ${K(k)} = ${showValue(r)}, which already contains ${showValue(h.mopVal[m2]!)}, an append ${T(t)} makes only later in the same transaction.`,
            ops: [h.inv[t]!],
            key: h.keyNames[k],
          });
        }
      }
      const expected = known.get(k);
      const mine = own.get(k) ?? [];
      let internal: string | undefined;
      if (expected !== undefined) {
        const { base, added } = expected;
        const n = base.length;
        if (n + added.length !== r.length || r.some((x, i) => !same(x, i < n ? base[i] : added[i - n]))) {
          internal = `expected ${showValue([...base, ...added])} (its earlier read plus its own appends since)`;
        }
      } else if (mine.length > 0) {
        const off = r.length - mine.length;
        if (off < 0 || mine.some((x, i) => !same(x, r[off + i]))) {
          internal = `expected a list ending with its own appends ${showValue(mine)}`;
        }
      }
      if (internal !== undefined) {
        sink.add({
          id: 'internal',
          message: `${T(t)} read key ${K(k)} = ${showValue(r)} but ${internal}: the transaction is inconsistent with itself.`,
          ops: [h.inv[t]!],
          key: h.keyNames[k],
        });
      }
      // External prefix: drop trailing elements that are this txn's own earlier appends.
      let ext = r.length;
      while (ext > 0) {
        const w = writerMop(k, r[ext - 1]);
        if (w >= 0 && h.mopTxn[w] === t && w < m) ext--;
        else break;
      }
      extLen[m] = ext;
      readsByKey[k]!.push(m);
      if (!own.has(k) && expected === undefined) {
        for (let m2 = m + 1; m2 < e; m2++) {
          if (h.mopKind[m2] === WRITE && h.mopKey[m2] === k) {
            rmw[m] = 1;
            break;
          }
        }
      }
      known.set(k, { base: r, added: [] });
    }
  }

  // Per-key pass: version order, compatibility, edges.
  const orders: Value[][] = new Array<Value[]>(nk);
  const positions: Map<VKey, number>[] = new Array<Map<VKey, number>>(nk);
  const readFrom: ReadFrom = { reader: [], key: [], writer: [], mop: [] };
  const lost = new Map<number, number[]>(); // key * 2^24 + prefix length -> readers that then appended
  for (let k = 0; k < nk; k++) {
    const reads = readsByKey[k]!;
    let longestMop = -1;
    let longest: Value[] = [];
    for (const m of reads) {
      const r = (h.mopVal[m] as Value[] | null) ?? [];
      if (longestMop < 0 || r.length > longest.length) {
        longest = r;
        longestMop = m;
      }
    }
    orders[k] = longest;
    const pos = new Map<VKey, number>();
    positions[k] = pos;
    const posWriter = new Int32Array(longest.length).fill(-1);
    let firstFailed = -1;
    for (let i = 0; i < longest.length; i++) {
      const vk = valueKey(longest[i]!);
      if (pos.has(vk)) {
        sink.add({
          id: 'duplicate-elements',
          message: `${T(h.mopTxn[longestMop]!)} read key ${K(k)} = ${showValue(longest)}, which contains ${showValue(longest[i]!)} more than once although each value is appended once.`,
          ops: [h.inv[h.mopTxn[longestMop]!]!],
          key: h.keyNames[k],
          element: longest[i],
        });
        continue;
      }
      pos.set(vk, i);
      const w = writerMop(k, longest[i]);
      if (w < 0) {
        sink.add({
          id: 'garbage-read',
          message: `${T(h.mopTxn[longestMop]!)} read ${showValue(longest[i]!)} in key ${K(k)}, but no transaction appended that value.`,
          ops: [h.inv[h.mopTxn[longestMop]!]!],
          key: h.keyNames[k],
          element: longest[i],
        });
        continue;
      }
      if (ambiguousValues[k]!.has(vk)) continue;
      const wt = h.mopTxn[w]!;
      posWriter[i] = wt;
      if (h.status[wt] === FAIL && firstFailed < 0) firstFailed = i;
    }
    // Dirty update: a committed append ordered after an aborted one.
    if (firstFailed >= 0) {
      for (let i = firstFailed + 1; i < longest.length; i++) {
        const wt = posWriter[i]!;
        if (wt >= 0 && h.status[wt] !== FAIL) {
          const ft = posWriter[firstFailed]!;
          sink.add({
            id: 'dirty-update',
            message: `${T(ft)} aborted, yet its append of ${showValue(longest[firstFailed]!)} to key ${K(k)} sits before ${T(wt)}'s append of ${showValue(longest[i]!)} in the version order: ${T(wt)} wrote on top of an aborted write.`,
            ops: [h.inv[ft]!, h.inv[wt]!],
            key: h.keyNames[k],
          });
          break;
        }
      }
    }
    // Live writers: known and not aborted. Aborted or unattributed elements in between are skipped,
    // so the order of the live ones stays connected.
    const live = (i: number): boolean => posWriter[i]! >= 0 && h.status[posWriter[i]!] !== FAIL;
    const nextLive = new Int32Array(longest.length + 1).fill(longest.length);
    for (let i = longest.length - 1; i >= 0; i--) nextLive[i] = live(i) ? i : nextLive[i + 1]!;
    for (let i = nextLive[0]!; i < longest.length;) {
      const j = nextLive[i + 1]!;
      if (j >= longest.length) break;
      const a = posWriter[i]!;
      const b = posWriter[j]!;
      if (a !== b) edges.add(a, b, WW, k, i);
      i = j;
    }
    let lastWriter = -1;
    for (let i = longest.length - 1; i >= 0 && lastWriter < 0; i--) {
      if (posWriter[i]! >= 0 && h.status[posWriter[i]!] !== FAIL) lastWriter = posWriter[i]!;
    }
    // Committed appends no read shows: after every observed one.
    const unobserved: number[] = [];
    for (const [vk, m] of writers[k]!) {
      const wt = h.mopTxn[m]!;
      if (h.status[wt] === OK && !pos.has(vk) && unobserved[unobserved.length - 1] !== wt) {
        unobserved.push(wt);
        if (lastWriter >= 0) edges.add(lastWriter, wt, WW, k, UNOBSERVED);
      }
    }
    for (const m of reads) {
      const t = h.mopTxn[m]!;
      const r = (h.mopVal[m] as Value[] | null) ?? [];
      if (m !== longestMop) {
        let ok = r.length <= longest.length;
        for (let i = 0; ok && i < r.length; i++) ok = same(r[i], longest[i]);
        if (!ok) {
          const lt = h.mopTxn[longestMop]!;
          sink.add({
            id: 'incompatible-order',
            message: `${T(t)} read key ${K(k)} = ${showValue(r)} and ${T(lt)} read ${showValue(longest)}: neither is a prefix of the other, so no single order of appends explains both.`,
            ops: [h.inv[t]!, h.inv[lt]!],
            key: h.keyNames[k],
            reads: [r, longest],
          });
          extLen[m] = -1;
          continue;
        }
      }
      const ext = extLen[m]!;
      if (firstFailed >= 0 && ext > firstFailed) {
        const ft = posWriter[firstFailed]!;
        sink.add({
          id: 'G1a',
          message: `${T(t)} read key ${K(k)} = ${showValue(r)}, which includes ${showValue(longest[firstFailed]!)}, appended by ${T(ft)}, which aborted: an aborted write became visible.`,
          ops: [h.inv[ft]!, h.inv[t]!],
          key: h.keyNames[k],
        });
      }
      const w = ext > 0 ? posWriter[ext - 1]! : -1;
      if (ext > 0 && w < 0) continue;
      if (w >= 0 && w !== t) {
        if (h.status[w] === FAIL) continue;
        edges.add(w, t, WR, k, m);
        const wm = writerMop(k, longest[ext - 1]);
        if (!isFinal[wm]) {
          sink.add({
            id: 'G1b',
            message: `${T(t)} read key ${K(k)} = ${showValue(r)}, ending with ${showValue(longest[ext - 1]!)}, an intermediate append of ${T(w)}, which appended to key ${K(k)} again later in the same transaction.`,
            ops: [h.inv[w]!, h.inv[t]!],
            key: h.keyNames[k],
          });
        }
      }
      if (w !== t) {
        readFrom.reader.push(t);
        readFrom.key.push(k);
        readFrom.writer.push(w);
        readFrom.mop.push(m);
      }
      if (nextLive[ext]! < longest.length) {
        const next = posWriter[nextLive[ext]!]!;
        if (next !== t) edges.add(t, next, RW, k, m);
      } else {
        for (const u of unobserved) if (u !== t) edges.add(t, u, RW, k, m);
      }
      if (rmw[m]) {
        const id = k * 16777216 + ext;
        const group = lost.get(id);
        if (group) group.push(t);
        else lost.set(id, [t]);
      }
    }
  }
  for (const [id, group] of lost) {
    if (group.length < 2) continue;
    const k = Math.floor(id / 16777216);
    const ext = id % 16777216;
    const seen = showValue(orders[k]!.slice(0, ext));
    sink.add({
      id: 'lost-update',
      message: `${group.map(T).join(', ')} all read key ${K(k)} = ${seen} and then appended to it: all committed, so all but one of them overwrote a state the others had already changed.`,
      ops: group.map((t) => h.inv[t]!),
      key: h.keyNames[k],
    });
  }

  const explain = (e: number): string => {
    const a = edges.from[e]!;
    const b = edges.to[e]!;
    const k = edges.key[e]!;
    const aux = edges.aux[e]!;
    const order = orders[k]!;
    /** First position >= from of an element appended by t (order.length when none). */
    const positionOf = (t: number, from: number): number => {
      for (let j = from; j < order.length; j++) {
        const w = writerMop(k, order[j]);
        if (w >= 0 && h.mopTxn[w] === t) return j;
      }
      return order.length;
    };
    const appendOf = (t: number): string => {
      for (let m = h.mopStart[t]!; m < h.mopStart[t + 1]!; m++) {
        if (h.mopKind[m] === WRITE && h.mopKey[m] === k) return showValue(h.mopVal[m]!);
      }
      return '?';
    };
    switch (edges.kind[e]) {
      case WW: {
        if (aux === UNOBSERVED) {
          return `${T(b)}'s append of ${appendOf(b)} to key ${K(k)} never shows in a read, so it follows every observed append, including ${T(a)}'s, so ${T(a)} < ${T(b)}`;
        }
        const j = positionOf(b, aux + 1);
        return `${T(a)} appended ${showValue(order[aux]!)} to key ${K(k)} and ${T(b)} appended ${showValue(order[j]!)} ${j === aux + 1 ? 'right after it' : 'after it, with only aborted or unattributed appends between'}, so ${T(a)} < ${T(b)}`;
      }
      case WR: {
        const ext = extLen[aux]!;
        return `${T(b)} read ${T(a)}'s append of ${showValue(order[ext - 1]!)} to key ${K(k)} (read ${showValue(order.slice(0, ext))}), so ${T(a)} < ${T(b)}`;
      }
      default: {
        const ext = extLen[aux]!;
        const shown = showValue(order.slice(0, ext));
        const j = positionOf(b, ext);
        return j < order.length
          ? `${T(a)} read key ${K(k)} = ${shown}, which misses ${T(b)}'s append of ${showValue(order[j]!)}, ${j === ext ? 'the next one' : 'the next committed one'}, so ${T(a)} < ${T(b)}`
          : `${T(a)} read key ${K(k)} = ${shown}, which misses ${T(b)}'s committed append of ${appendOf(b)}, so ${T(a)} < ${T(b)}`;
      }
    }
  };
  const ambiguous =
    duplicated.length > 0
      ? `values were appended more than once (${duplicated.slice(0, 3).join('; ')}), so reads of them cannot be attributed to one transaction`
      : undefined;
  const lastAppend = (t: number, k: number): number => {
    for (let m = h.mopStart[t + 1]! - 1; m >= h.mopStart[t]!; m--)
      if (h.mopKind[m] === WRITE && h.mopKey[m] === k) return m;
    return -1;
  };
  const versionPos = (t: number, k: number): number => {
    const m = lastAppend(t, k);
    return m < 0 ? -1 : (positions[k]!.get(valueKey(h.mopVal[m]!)) ?? 0x7fffffff);
  };
  return { readFrom, explain, versionPos, ambiguous, notes: [] };
}
