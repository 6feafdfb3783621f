import type { Value } from '../../src/core/op.js';
import type { AnomalySink } from './anomaly-sink.js';
import { OK, WRITE, type TxnHistory } from './txn-history.js';
import { keyName, txnName } from './txn-names.js';
import { showValue } from '../models/show-value.js';
import { valueMapKey } from '../models/value-key.js';

/** What the per-transaction pass learns about each list read. */
export interface ListReads {
  /** Per read mop: length of the part that shows a version (without the txn's own appends); -1: none. */
  extLen: Int32Array;
  /** External reads per key, in history order (a repeated read that shows the same version once). */
  byKey: number[][];
  /** 1 for the first op of a txn on a key when it is a read and the txn appends to the key later. */
  readThenAppend: Uint8Array;
}

/** The checkers' one relation of sameness (`valueMapKey`), also for a number and an equal bigint. */
export const sameValue = (a: Value | undefined, b: Value | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && valueMapKey(a) === valueMapKey(b));

/** Whether the first `n` elements of two lists are the same. */
export function samePrefix(a: readonly Value[], b: readonly Value[], n: number): boolean {
  for (let i = 0; i < n; i++) if (!sameValue(a[i], b[i])) return false;
  return true;
}

/** A read's list, [] for nil. */
export const listOf = (h: TxnHistory, m: number): Value[] => (h.mopVal[m] as Value[] | null) ?? [];

/**
 * The per-transaction pass over committed list-append txns. A read shows a version of the key
 * followed by the txn's own appends to it so far: when it does not end with them, that is a
 * read-your-writes failure within the txn (`internal`), and the read shows no version. A read that
 * shows an append the txn makes only later is a future read. Two reads of one key that show two
 * versions are both external reads (a non-repeatable read is an ordinary anti-dependency).
 */
export function listReadCases(h: TxnHistory, sink: AnomalySink): ListReads {
  const mops = h.mopKind.length;
  const out: ListReads = {
    extLen: new Int32Array(mops).fill(-1),
    byKey: Array.from({ length: h.keyNames.length }, () => []),
    readThenAppend: new Uint8Array(mops),
  };
  const own = new Map<number, Value[]>(); // own appends so far, per key
  const lastShown = new Map<number, Value[]>(); // key -> the version its last external read showed
  const touched = new Set<number>();
  for (let t = 0; t < h.n; t++) {
    if (h.status[t] !== OK) continue;
    own.clear();
    lastShown.clear();
    touched.clear();
    for (let m = h.mopStart[t]!; m < h.mopStart[t + 1]!; m++) {
      const k = h.mopKey[m]!;
      const first = !touched.has(k);
      touched.add(k);
      if (h.mopKind[m] === WRITE) {
        const o = own.get(k);
        if (o) o.push(h.mopVal[m]!);
        else own.set(k, [h.mopVal[m]!]);
        continue;
      }
      futureReadCase(h, sink, t, m);
      const r = listOf(h, m);
      const mine = own.get(k) ?? [];
      const ext = r.length - mine.length;
      if (ext < 0 || mine.some((x, i) => !sameValue(x, r[ext + i]))) {
        internalCase(h, sink, t, m, mine);
        continue;
      }
      out.extLen[m] = ext;
      const previous = lastShown.get(k);
      if (previous !== undefined && previous.length === ext && samePrefix(previous, r, ext)) continue;
      lastShown.set(k, r.slice(0, ext));
      out.byKey[k]!.push(m);
      if (first && appendsLater(h, t, m)) out.readThenAppend[m] = 1;
    }
  }
  return out;
}

function appendsLater(h: TxnHistory, t: number, m: number): boolean {
  for (let m2 = m + 1; m2 < h.mopStart[t + 1]!; m2++) {
    if (h.mopKind[m2] === WRITE && h.mopKey[m2] === h.mopKey[m]) return true;
  }
  return false;
}

/** Future read: the read shows an append this txn makes only later. */
function futureReadCase(h: TxnHistory, sink: AnomalySink, t: number, m: number): void {
  const k = h.mopKey[m]!;
  const r = listOf(h, m);
  for (let m2 = m + 1; m2 < h.mopStart[t + 1]!; m2++) {
    if (h.mopKind[m2] !== WRITE || h.mopKey[m2] !== k) continue;
    if (!r.some((x) => sameValue(x, h.mopVal[m2]!))) continue;
    sink.add({
      id: 'future-read',
      message: `${txnName(h, t)} read key ${keyName(h, k)} = ${showValue(r)}, which already contains ${showValue(h.mopVal[m2]!)}, an append ${txnName(h, t)} makes only later in the same transaction.`,
      ops: [h.inv[t]!],
      key: h.keyNames[k],
    });
  }
}

/** A read after the txn's own appends that does not end with them. */
function internalCase(h: TxnHistory, sink: AnomalySink, t: number, m: number, mine: Value[]): void {
  const k = h.mopKey[m]!;
  sink.add({
    id: 'internal',
    message: `${txnName(h, t)} read key ${keyName(h, k)} = ${showValue(listOf(h, m))} but expected a list ending with its own appends ${showValue(mine)}: the transaction does not see its own writes.`,
    ops: [h.inv[t]!],
    key: h.keyNames[k],
  });
}
