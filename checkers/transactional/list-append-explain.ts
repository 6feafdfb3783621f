import type { EdgeList } from './edge-list.js';
import { WR, WW } from './edge-kinds.js';
import type { KeyOrder } from './list-append-inference.js';
import type { ListReads } from './list-append-reads.js';
import type { TxnHistory } from './txn-history.js';
import { keyName, txnName } from './txn-names.js';
import { showValue } from './value-key.js';
import { lastWrite, writerMop, type WriterIndex } from './writer-index.js';

/** aux of a ww edge to an append no read ever showed. */
export const UNOBSERVED = -2;
/** aux of a ww edge between two unobserved appends, in an order a completion assumed. */
export const UNOBSERVED_ORDER = -3;

/** Plain-language reason for each list-append data edge (ww, wr, rw), by edge id. */
export function explainListEdge(
  h: TxnHistory,
  idx: WriterIndex,
  edges: EdgeList,
  keys: KeyOrder[],
  reads: ListReads,
): (e: number) => string {
  const T = (t: number): string => txnName(h, t);
  return (e) => {
    const a = edges.from[e]!;
    const b = edges.to[e]!;
    const k = edges.key[e]!;
    const aux = edges.aux[e]!;
    const order = keys[k]!.order;
    const K = keyName(h, k);
    /** First position >= from of an element appended by t (order.length when none). */
    const positionOf = (t: number, from: number): number => {
      for (let j = from; j < order.length; j++) {
        const w = writerMop(idx, k, order[j]);
        if (w >= 0 && h.mopTxn[w] === t) return j;
      }
      return order.length;
    };
    const appendOf = (t: number): string => {
      const m = lastWrite(h, t, k);
      return m < 0 ? '?' : showValue(h.mopVal[m]!);
    };
    if (edges.kind[e] === WW) {
      if (aux === UNOBSERVED) {
        return `${T(b)}'s append of ${appendOf(b)} to key ${K} never shows in a read, so it follows every observed append, including ${T(a)}'s, so ${T(a)} < ${T(b)}`;
      }
      if (aux === UNOBSERVED_ORDER) {
        return `neither ${T(a)}'s nor ${T(b)}'s append to key ${K} shows in a read; assume ${T(a)}'s came first, so ${T(a)} < ${T(b)}`;
      }
      const j = positionOf(b, aux + 1);
      return `${T(a)} appended ${showValue(order[aux]!)} to key ${K} and ${T(b)} appended ${showValue(order[j]!)} ${j === aux + 1 ? 'right after it' : 'after it, with only aborted or unattributed appends between'}, so ${T(a)} < ${T(b)}`;
    }
    const ext = reads.extLen[aux]!;
    if (edges.kind[e] === WR) {
      return `${T(b)} read ${T(a)}'s append of ${showValue(order[ext - 1]!)} to key ${K} (read ${showValue(order.slice(0, ext))}), so ${T(a)} < ${T(b)}`;
    }
    const shown = showValue(order.slice(0, ext));
    const j = positionOf(b, ext);
    return j < order.length
      ? `${T(a)} read key ${K} = ${shown}, which misses ${T(b)}'s append of ${showValue(order[j]!)}, ${j === ext ? 'the next one' : 'the next committed one'}, so ${T(a)} < ${T(b)}`
      : `${T(a)} read key ${K} = ${shown}, which misses ${T(b)}'s committed append of ${appendOf(b)}, so ${T(a)} < ${T(b)}`;
  };
}
