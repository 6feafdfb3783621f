import type { Value } from '../../src/core/op.js';
import { WRITE, type TxnHistory } from './txn-history.js';
import { keyName } from './txn-names.js';
import { showValue, valueKey } from './value-key.js';

export type VKey = ReturnType<typeof valueKey>;

/** Who wrote what: the shared first step of both workloads' inference. */
export interface WriterIndex {
  /** Per key: written value -> the first micro-op that wrote it. */
  writers: Map<VKey, number>[];
  /** Per key: values that more than one transaction wrote, so a read of them names no one writer. */
  ambiguous: Set<VKey>[];
  /** 1 for a transaction's last write to a key (the version it installs). */
  isFinal: Uint8Array;
  /** Up to three examples of values written twice, for messages. */
  duplicated: string[];
}

/** Indexes every write of the history (aborted ones too: a read of them is G1a). */
export function indexWriters(h: TxnHistory): WriterIndex {
  const nk = h.keyNames.length;
  const writers: Map<VKey, number>[] = Array.from({ length: nk }, () => new Map());
  const ambiguous: Set<VKey>[] = Array.from({ length: nk }, () => new Set());
  const isFinal = new Uint8Array(h.mopKind.length);
  const duplicated: string[] = [];
  const seen = new Set<number>();
  for (let t = 0; t < h.n; t++) {
    seen.clear();
    for (let m = h.mopStart[t + 1]! - 1; m >= h.mopStart[t]!; m--) {
      if (h.mopKind[m] !== WRITE) continue;
      if (!seen.has(h.mopKey[m]!)) isFinal[m] = 1;
      seen.add(h.mopKey[m]!);
    }
    for (let m = h.mopStart[t]!; m < h.mopStart[t + 1]!; m++) {
      if (h.mopKind[m] !== WRITE) continue;
      const k = h.mopKey[m]!;
      const vk = valueKey(h.mopVal[m]!);
      const prior = writers[k]!.get(vk);
      if (prior === undefined) writers[k]!.set(vk, m);
      else if (h.mopTxn[prior] !== t) {
        ambiguous[k]!.add(vk);
        if (duplicated.length < 3) duplicated.push(`${showValue(h.mopVal[m]!)} to key ${keyName(h, k)}`);
      }
    }
  }
  return { writers, ambiguous, isFinal, duplicated };
}

/** The micro-op that wrote `v` to key `k`, or -1 when no transaction did. */
export function writerMop(idx: WriterIndex, k: number, v: Value | undefined): number {
  return v === undefined ? -1 : (idx.writers[k]!.get(valueKey(v)) ?? -1);
}

/** The last write of key `k` in txn `t`, or -1. */
export function lastWrite(h: TxnHistory, t: number, k: number): number {
  for (let m = h.mopStart[t + 1]! - 1; m >= h.mopStart[t]!; m--) {
    if (h.mopKind[m] === WRITE && h.mopKey[m] === k) return m;
  }
  return -1;
}
