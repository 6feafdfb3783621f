import { FAIL, WRITE, type TxnHistory } from './txn-history.js';

/**
 * Writers of each key grouped by session, in session order, flattened into typed arrays: key k owns
 * slots keyFirst[k] .. keyFirst[k+1]-1; slot i is session slotSess[i], whose writers (txn, session
 * position) are flatTxn/flatPos[slotStart[i] .. slotStart[i+1]-1]. With list semantics
 * (`versionPos`), flatLatest[j] is the writer with the latest version among its slot's writers up
 * to j, and flatLatestPos[j] that version's position.
 */
export class SessionWriters {
  /** txn * keys + key, for every (txn, key) the txn writes. */
  readonly writes = new Set<number>();
  readonly keyFirst: Int32Array;
  readonly slotSess: Int32Array;
  readonly slotStart: Int32Array;
  readonly flatTxn: Int32Array;
  readonly flatPos: Int32Array;
  readonly flatLatest: Int32Array | undefined;
  readonly flatLatestPos: Int32Array | undefined;

  constructor(h: TxnHistory, pos: Int32Array, vp?: (t: number, k: number) => number) {
    const n = h.n;
    const ns = h.processNames.length;
    const nk = h.keyNames.length;
    const writes = this.writes;
    const wKey: number[] = [];
    const wTxn: number[] = [];
    for (let t = 0; t < n; t++) {
      if (h.status[t] === FAIL) continue;
      for (let m = h.mopStart[t]!; m < h.mopStart[t + 1]!; m++) {
        if (h.mopKind[m] !== WRITE) continue;
        const k = h.mopKey[m]!;
        if (writes.has(t * nk + k)) continue;
        writes.add(t * nk + k);
        wKey.push(k);
        wTxn.push(t);
      }
    }
    const nw = wKey.length;
    // Two stable counting sorts: by session, then by key, so writers end up ordered by (key, session, txn).
    const bySess = countingSort(
      nw,
      ns,
      (i) => h.proc[wTxn[i]!]!,
      Int32Array.from({ length: nw }, (_, i) => i),
    );
    const order = countingSort(nw, nk, (i) => wKey[i]!, bySess);
    const flatTxn = new Int32Array(nw);
    const flatPos = new Int32Array(nw);
    const slotSessL: number[] = [];
    const slotStartL: number[] = [];
    const keyFirst = new Int32Array(nk + 1);
    let prevK = -1;
    let prevS = -1;
    for (let j = 0; j < nw; j++) {
      const i = order[j]!;
      const k = wKey[i]!;
      const t = wTxn[i]!;
      const sess = h.proc[t]!;
      if (k !== prevK || sess !== prevS) {
        for (let kk = prevK + 1; kk <= k; kk++) keyFirst[kk] = slotSessL.length;
        slotSessL.push(sess);
        slotStartL.push(j);
        prevK = k;
        prevS = sess;
      }
      flatTxn[j] = t;
      flatPos[j] = pos[t]!;
    }
    for (let kk = prevK + 1; kk <= nk; kk++) keyFirst[kk] = slotSessL.length;
    slotStartL.push(nw);
    this.keyFirst = keyFirst;
    this.slotSess = Int32Array.from(slotSessL);
    this.slotStart = Int32Array.from(slotStartL);
    this.flatTxn = flatTxn;
    this.flatPos = flatPos;
    if (vp) {
      const latest = new Int32Array(nw);
      const latestPos = new Int32Array(nw);
      for (let j = 0; j < nw; j++) {
        const k = wKey[order[j]!]!;
        const newSlot =
          j === 0 || k !== wKey[order[j - 1]!] || h.proc[flatTxn[j]!] !== h.proc[flatTxn[j - 1]!];
        const mine = vp(flatTxn[j]!, k);
        const keep = !newSlot && latestPos[j - 1]! >= mine;
        latest[j] = keep ? latest[j - 1]! : flatTxn[j]!;
        latestPos[j] = keep ? latestPos[j - 1]! : mine;
      }
      this.flatLatest = latest;
      this.flatLatestPos = latestPos;
    }
  }

  /** Flat index of the last writer in slot `slot` at session position in (lo, hi], or -1. */
  lastIndexIn(slot: number, lo: number, hi: number): number {
    const flatPos = this.flatPos;
    let a = this.slotStart[slot]!;
    let b = this.slotStart[slot + 1]! - 1;
    if (flatPos[a]! > hi || flatPos[b]! <= lo) return -1;
    let best = -1;
    while (a <= b) {
      const mid = (a + b) >> 1;
      if (flatPos[mid]! <= hi) {
        best = mid;
        a = mid + 1;
      } else b = mid - 1;
    }
    return best >= 0 && flatPos[best]! > lo ? best : -1;
  }

  /** Last writer (txn) in slot `slot` at session position in (lo, hi], or -1. */
  lastIn(slot: number, lo: number, hi: number): number {
    const j = this.lastIndexIn(slot, lo, hi);
    return j < 0 ? -1 : this.flatTxn[j]!;
  }

  /** Last writer of key k in session s at position <= j, or -1. */
  lastWriter(k: number, s: number, j: number): number {
    for (let slot = this.keyFirst[k]!; slot < this.keyFirst[k + 1]!; slot++) {
      if (this.slotSess[slot] === s) return this.lastIn(slot, -1, j);
    }
    return -1;
  }
}

/** Stable counting sort of the items `input` by `keyOf` (0 .. buckets-1). */
function countingSort(
  n: number,
  buckets: number,
  keyOf: (i: number) => number,
  input: Int32Array,
): Int32Array {
  const count = new Int32Array(buckets + 1);
  for (let j = 0; j < n; j++) count[keyOf(input[j]!) + 1]!++;
  for (let b = 0; b < buckets; b++) count[b + 1]! += count[b]!;
  const out = new Int32Array(n);
  for (let j = 0; j < n; j++) out[count[keyOf(input[j]!)]!++] = input[j]!;
  return out;
}
