import type { Value } from '../../src/core/op.js';
import type { AnomalySink } from './anomaly-sink.js';
import type { EdgeList } from './edge-list.js';
import { RW, WR, WW } from './edge-kinds.js';
import type { Inference, ReadFrom } from './inference.js';
import { explainListEdge, UNOBSERVED, UNOBSERVED_ORDER } from './list-append-explain.js';
import { listOf, listReadCases, samePrefix, sameValue, type ListReads } from './list-append-reads.js';
import { FAIL, INFO, OK, READ, type TxnHistory } from './txn-history.js';
import { keyName, txnName } from './txn-names.js';
import { showValue } from '../models/show-value.js';
import { valueMapKey } from '../models/value-key.js';
import { indexWriters, lastWrite, writerMop, type VKey, type WriterIndex } from './writer-index.js';

/** The version order of one key, as the longest read shows it, and who wrote each position. */
export interface KeyOrder {
  order: Value[];
  /** The read mop that showed it (-1: no read). */
  longestMop: number;
  pos: Map<VKey, number>;
  /** Writer txn of each position; -1 when unknown, duplicated or ambiguous. */
  posWriter: Int32Array;
  /** First position written by an aborted txn, or -1. */
  firstFailed: number;
  /** nextLive[i]: the first position >= i whose writer is known and not aborted (order.length: none). */
  nextLive: Int32Array;
  /** Committed appenders no read shows, in first-write order: they follow every observed append. */
  unobserved: number[];
}

/**
 * List-append inference (Elle): the longest read of a key is its version order, and every other read
 * must be a prefix of it. Composed of named cases: per txn (internal, future reads), per key
 * (duplicates, garbage, dirty update, incompatible order, aborted and intermediate reads, lost
 * update), and the ww (consecutive appends), wr (writer of the last element read -> reader) and rw
 * (reader -> writer of the next element) edges. A committed append that no read shows comes after
 * every observed append: it gets a ww edge from the last observed writer and rw edges from the
 * readers of the whole list; the order among several of them stays open.
 */
export function inferListAppend(h: TxnHistory, sink: AnomalySink, edges: EdgeList): Inference {
  const nk = h.keyNames.length;
  const idx = indexWriters(h);
  const reads = listReadCases(h, sink);
  const keys: KeyOrder[] = [];
  for (let k = 0; k < nk; k++) keys.push(versionOrder(h, idx, sink, reads, k));
  const observed = new Set<number>();
  for (const ko of keys) for (const w of ko.posWriter) if (w >= 0) observed.add(w);
  const readFrom: ReadFrom = { reader: [], key: [], writer: [], mop: [], len: [] };
  const lost = new Map<number, number[]>(); // key * 2^24 + prefix length -> readers that then appended
  let openKeys = 0;
  for (let k = 0; k < nk; k++) {
    const ko = keys[k]!;
    dirtyUpdateCase(h, sink, ko, k);
    fracturedAppendCase(h, sink, ko, k);
    appendEdges(h, edges, ko, k);
    unobservedAppends(h, idx, edges, ko, k, observed);
    if (ko.unobserved.length > 1) openKeys++;
    for (const m of reads.byKey[k]!) readCases(h, idx, sink, edges, reads, ko, m, readFrom, lost);
  }
  lostUpdateCases(h, sink, keys, lost);
  const ambiguous =
    idx.duplicated.length > 0
      ? `values were appended more than once (${idx.duplicated.join('; ')}), so reads of them cannot be attributed to one transaction`
      : undefined;
  const versionPos = (t: number, k: number): number => {
    const m = lastWrite(h, t, k);
    return m < 0 ? -1 : (keys[k]!.pos.get(valueMapKey(h.mopVal[m]!)) ?? 0x7fffffff);
  };
  return {
    readFrom,
    explain: explainListEdge(h, idx, edges, keys, reads),
    versionPos,
    ambiguous,
    openKeys,
    complete: (into, rank, attempt) => attempt === 0 && completeUnobserved(into, keys, rank),
    notes: [],
  };
}

/** The longest external read of key k, with its duplicate and garbage elements reported. */
function versionOrder(
  h: TxnHistory,
  idx: WriterIndex,
  sink: AnomalySink,
  reads: ListReads,
  k: number,
): KeyOrder {
  let longestMop = -1;
  for (const m of reads.byKey[k]!)
    if (longestMop < 0 || reads.extLen[m]! > reads.extLen[longestMop]!) longestMop = m;
  const order = longestMop < 0 ? [] : listOf(h, longestMop).slice(0, reads.extLen[longestMop]!);
  const pos = new Map<VKey, number>();
  const posWriter = new Int32Array(order.length).fill(-1);
  let firstFailed = -1;
  const T = longestMop < 0 ? '' : txnName(h, h.mopTxn[longestMop]!);
  const ops = longestMop < 0 ? [] : [h.inv[h.mopTxn[longestMop]!]!];
  for (let i = 0; i < order.length; i++) {
    const vk = valueMapKey(order[i]!);
    if (pos.has(vk)) {
      sink.add({
        id: 'duplicate-elements',
        message: `${T} read key ${keyName(h, k)} = ${showValue(order)}, which contains ${showValue(order[i]!)} more than once although each value is appended once.`,
        ops,
        key: h.keyNames[k],
        element: order[i],
      });
      continue;
    }
    pos.set(vk, i);
    const w = writerMop(idx, k, order[i]);
    if (w < 0) {
      sink.add({
        id: 'garbage-read',
        message: `${T} read ${showValue(order[i]!)} in key ${keyName(h, k)}, but no transaction appended that value.`,
        ops,
        key: h.keyNames[k],
        element: order[i],
      });
      continue;
    }
    if (idx.ambiguous[k]!.has(vk)) continue;
    posWriter[i] = h.mopTxn[w]!;
    if (h.status[posWriter[i]!] === FAIL && firstFailed < 0) firstFailed = i;
  }
  // Aborted or unattributed elements in between are skipped, so the order of the live ones stays connected.
  const nextLive = new Int32Array(order.length + 1).fill(order.length);
  for (let i = order.length - 1; i >= 0; i--) {
    nextLive[i] = posWriter[i]! >= 0 && h.status[posWriter[i]!] !== FAIL ? i : nextLive[i + 1]!;
  }
  return { order, longestMop, pos, posWriter, firstFailed, nextLive, unobserved: [] };
}

/** Dirty update: a committed append ordered after an aborted one. */
function dirtyUpdateCase(h: TxnHistory, sink: AnomalySink, ko: KeyOrder, k: number): void {
  if (ko.firstFailed < 0) return;
  const i = ko.nextLive[ko.firstFailed + 1]!;
  if (i >= ko.order.length) return;
  const ft = ko.posWriter[ko.firstFailed]!;
  const wt = ko.posWriter[i]!;
  sink.add({
    id: 'dirty-update',
    message: `${txnName(h, ft)} aborted, yet its append of ${showValue(ko.order[ko.firstFailed]!)} to key ${keyName(h, k)} sits before ${txnName(h, wt)}'s append of ${showValue(ko.order[i]!)} in the version order: ${txnName(h, wt)} wrote on top of an aborted write.`,
    ops: [h.inv[ft]!, h.inv[wt]!],
    key: h.keyNames[k],
  });
}

/**
 * Each txn's appends to a key form one version: they must show in the version order together and
 * in the txn's order. A read that shows only some of them (other than a prefix the order ends in,
 * which is G1b), or with another txn's appends in between, is explained by no version order.
 * Aborted txns count too: their appends stay in the key's sequence as they were made, so a read
 * that shows an aborted txn's later append without its earlier one shows a state that never
 * existed (PL-1 allows reading aborted states, G1a, but only states that existed).
 */
function fracturedAppendCase(h: TxnHistory, sink: AnomalySink, ko: KeyOrder, k: number): void {
  const n = ko.order.length;
  const done = new Set<number>();
  let w = -1;
  let appends: Value[] = [];
  let next = 0;
  for (let i = 0; i < n; i++) {
    const wi = ko.posWriter[i]!;
    if (wi < 0) continue; // garbage or unattributed: reported or unknown elsewhere
    let bad = false;
    if (wi !== w) {
      bad = (w >= 0 && next < appends.length) || done.has(wi);
      if (w >= 0) done.add(w);
      w = wi;
      appends = appendsOf(h, wi, k);
      next = 0;
    }
    if (bad || !sameValue(appends[next], ko.order[i])) {
      sink.add({
        id: 'fractured-append',
        message: `${txnName(h, h.mopTxn[ko.longestMop]!)} read key ${keyName(h, k)} = ${showValue(ko.order)}, but ${txnName(h, wi)} appended ${showValue(appends)} there: its appends do not show together and in its order, so no version order explains the read.`,
        ops: [h.inv[wi]!, h.inv[h.mopTxn[ko.longestMop]!]!],
        key: h.keyNames[k],
      });
      return;
    }
    next++;
  }
}

/** The values txn t appends to key k, in order. */
function appendsOf(h: TxnHistory, t: number, k: number): Value[] {
  const out: Value[] = [];
  for (let m = h.mopStart[t]!; m < h.mopStart[t + 1]!; m++) {
    if (h.mopKind[m] !== READ && h.mopKey[m] === k) out.push(h.mopVal[m]!);
  }
  return out;
}

/**
 * ww between the writers of consecutive live positions (aux: the earlier position), and also
 * between consecutive attributed positions when one of the writers aborted. A read showing an
 * aborted append places that txn in the key's sequence (read uncommitted allows the read, G1a), so
 * a write cycle through it is still G0; models above read uncommitted are ruled out by G1a anyway.
 */
function appendEdges(h: TxnHistory, edges: EdgeList, ko: KeyOrder, k: number): void {
  const n = ko.order.length;
  for (let i = ko.nextLive[0]!; i < n;) {
    const j = ko.nextLive[i + 1]!;
    if (j >= n) break;
    if (ko.posWriter[i] !== ko.posWriter[j]) edges.add(ko.posWriter[i]!, ko.posWriter[j]!, WW, k, i);
    i = j;
  }
  if (ko.firstFailed < 0) return;
  let i = -1;
  for (let j = 0; j < n; j++) {
    const b = ko.posWriter[j]!;
    if (b < 0) continue;
    const a = i < 0 ? -1 : ko.posWriter[i]!;
    if (a >= 0 && a !== b && (h.status[a] === FAIL || h.status[b] === FAIL)) edges.add(a, b, WW, k, i);
    i = j;
  }
}

/**
 * Committed appends no read shows follow every observed one: a ww edge from the last observed
 * live writer. Committed: ok, or indeterminate with some append a read shows.
 */
function unobservedAppends(
  h: TxnHistory,
  idx: WriterIndex,
  edges: EdgeList,
  ko: KeyOrder,
  k: number,
  observed: Set<number>,
): void {
  let lastWriter = -1;
  for (let i = ko.order.length - 1; i >= 0 && lastWriter < 0; i--) {
    if (ko.posWriter[i]! >= 0 && h.status[ko.posWriter[i]!] !== FAIL) lastWriter = ko.posWriter[i]!;
  }
  // The last attributed writer, aborted ones included (see appendEdges).
  let lastAny = -1;
  for (let i = ko.order.length - 1; i >= 0 && lastAny < 0; i--) lastAny = ko.posWriter[i]!;
  const abortedLast = lastAny >= 0 && h.status[lastAny] === FAIL;
  const aborted = new Set<number>();
  for (const [vk, m] of idx.writers[k]!) {
    const wt = h.mopTxn[m]!;
    if (ko.pos.has(vk) || ko.unobserved.includes(wt)) continue;
    if (h.status[wt] === FAIL) {
      // An aborted txn some read shows is in the sequence: its other appends follow the shown ones.
      if (!observed.has(wt) || aborted.has(wt)) continue;
      aborted.add(wt);
      if (lastAny >= 0 && lastAny !== wt) edges.add(lastAny, wt, WW, k, UNOBSERVED);
      continue;
    }
    const committed = h.status[wt] === OK || (h.status[wt] === INFO && observed.has(wt));
    if (!committed) continue;
    ko.unobserved.push(wt);
    if (lastWriter >= 0) edges.add(lastWriter, wt, WW, k, UNOBSERVED);
    if (abortedLast && lastAny !== wt) edges.add(lastAny, wt, WW, k, UNOBSERVED);
  }
}

/**
 * One external read of key k: it must be a prefix of the version order (else incompatible-order);
 * G1a when it shows an aborted append; wr from the writer of its last element (G1b when that is
 * not the writer's last append); rw to the writer of the next live element, or to every unobserved
 * appender when it shows the whole list; and the lost-update groups.
 */
function readCases(
  h: TxnHistory,
  idx: WriterIndex,
  sink: AnomalySink,
  edges: EdgeList,
  reads: ListReads,
  ko: KeyOrder,
  m: number,
  readFrom: ReadFrom,
  lost: Map<number, number[]>,
): void {
  const t = h.mopTxn[m]!;
  const k = h.mopKey[m]!;
  const ext = reads.extLen[m]!;
  const r = listOf(h, m).slice(0, ext);
  if (m !== ko.longestMop && !isPrefix(r, ko.order)) {
    const lt = h.mopTxn[ko.longestMop]!;
    sink.add({
      id: 'incompatible-order',
      message: `${txnName(h, t)} read key ${keyName(h, k)} = ${showValue(r)} and ${txnName(h, lt)} read ${showValue(ko.order)}: neither is a prefix of the other, so no single order of appends explains both.`,
      ops: [h.inv[t]!, h.inv[lt]!],
      key: h.keyNames[k],
      reads: [r, ko.order],
    });
    return;
  }
  if (ko.firstFailed >= 0 && ext > ko.firstFailed) {
    const ft = ko.posWriter[ko.firstFailed]!;
    sink.add({
      id: 'G1a',
      message: `${txnName(h, t)} read key ${keyName(h, k)} = ${showValue(r)}, which includes ${showValue(ko.order[ko.firstFailed]!)}, appended by ${txnName(h, ft)}, which aborted: an aborted write became visible.`,
      ops: [h.inv[ft]!, h.inv[t]!],
      key: h.keyNames[k],
    });
  }
  const w = ext > 0 ? ko.posWriter[ext - 1]! : -1;
  if (ext > 0 && (w < 0 || h.status[w] === FAIL)) return;
  if (w >= 0 && w !== t) {
    edges.add(w, t, WR, k, m);
    if (!idx.isFinal[writerMop(idx, k, ko.order[ext - 1])]) {
      sink.add({
        id: 'G1b',
        message: `${txnName(h, t)} read key ${keyName(h, k)} = ${showValue(r)}, ending with ${showValue(ko.order[ext - 1]!)}, an intermediate append of ${txnName(h, w)}, which appended to key ${keyName(h, k)} again later in the same transaction.`,
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
    readFrom.len!.push(ext);
  }
  if (ko.nextLive[ext]! < ko.order.length) {
    const next = ko.posWriter[ko.nextLive[ext]!]!;
    if (next !== t) edges.add(t, next, RW, k, m);
  } else {
    for (const u of ko.unobserved) if (u !== t) edges.add(t, u, RW, k, m);
  }
  if (reads.readThenAppend[m]) {
    const id = k * 16777216 + ext;
    const group = lost.get(id);
    if (group) group.push(t);
    else lost.set(id, [t]);
  }
}

function isPrefix(r: Value[], order: Value[]): boolean {
  return r.length <= order.length && samePrefix(r, order, r.length);
}

/** Lost update: several committed txns read the same version of a key and then appended to it. */
function lostUpdateCases(
  h: TxnHistory,
  sink: AnomalySink,
  keys: KeyOrder[],
  lost: Map<number, number[]>,
): void {
  for (const [id, group] of lost) {
    if (group.length < 2) continue;
    const k = Math.floor(id / 16777216);
    const seen = showValue(keys[k]!.order.slice(0, id % 16777216));
    sink.add({
      id: 'lost-update',
      message: `${group.map((t) => txnName(h, t)).join(', ')} all read key ${keyName(h, k)} = ${seen} and then appended to it: all committed, so all but one of them overwrote a state the others had already changed.`,
      ops: group.map((t) => h.inv[t]!),
      key: h.keyNames[k],
    });
  }
}

/** One order among the unobserved appenders of each key, by rank: ww edges along it. */
function completeUnobserved(into: EdgeList, keys: KeyOrder[], rank: Int32Array): boolean {
  keys.forEach((ko, k) => {
    const us = [...ko.unobserved].sort((a, b) => rank[a]! - rank[b]!);
    for (let i = 0; i + 1 < us.length; i++) into.add(us[i]!, us[i + 1]!, WW, k, UNOBSERVED_ORDER);
  });
  return true;
}
