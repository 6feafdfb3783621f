import { zobristKeys } from './zobrist-keys.js';

/**
 * The ops linearized so far: a bitset of required ops with its two Zobrist hashes and its bounds
 * (`lo`, the first unlinearized required op; `hi`, the highest linearized one), and a bitset of
 * applied info ops (not kept when info ops may be reused). Required ops are ids 0..nReq-1, info
 * ops nReq..; the memo key is built from these fields.
 */
export class LinearizedSet {
  readonly req: Int32Array;
  readonly opt: Int32Array;
  /** Words of the info bitset the memo must keep (0 when info ops are reused or absent). */
  readonly optWords: number;
  h1 = 0;
  h2 = 0;
  lo = 0;
  hi = -1;
  private readonly z1: Int32Array;
  private readonly z2: Int32Array;

  constructor(
    private readonly nReq: number,
    nOpt: number,
    private readonly reuse: boolean,
  ) {
    this.req = new Int32Array(Math.max(1, (nReq + 31) >>> 5));
    const words = (nOpt + 31) >>> 5;
    this.opt = new Int32Array(Math.max(1, words));
    this.optWords = reuse ? 0 : words;
    [this.z1, this.z2] = zobristKeys(nReq);
  }

  /** Adds op `id`; `lo` and `hi` move forward (the caller saves them to restore on remove). */
  add(id: number): void {
    if (id < this.nReq) {
      this.req[id >>> 5]! |= 1 << (id & 31);
      this.h1 ^= this.z1[id]!;
      this.h2 ^= this.z2[id]!;
      if (id > this.hi) this.hi = id;
      if (id === this.lo) {
        let lo = this.lo + 1;
        while (lo < this.nReq && (this.req[lo >>> 5]! & (1 << (lo & 31))) !== 0) lo++;
        this.lo = lo;
      }
    } else if (!this.reuse) {
      const j = id - this.nReq;
      this.opt[j >>> 5]! |= 1 << (j & 31);
    }
  }

  /** Removes op `id` and restores the bounds saved before it was added. */
  remove(id: number, lo: number, hi: number): void {
    if (id < this.nReq) {
      this.req[id >>> 5]! &= ~(1 << (id & 31));
      this.h1 ^= this.z1[id]!;
      this.h2 ^= this.z2[id]!;
    } else if (!this.reuse) {
      const j = id - this.nReq;
      this.opt[j >>> 5]! &= ~(1 << (j & 31));
    }
    this.lo = lo;
    this.hi = hi;
  }

  /** True when info op j (index among info ops) is applied. */
  hasInfo(j: number): boolean {
    return ((this.opt[j >>> 5]! >>> (j & 31)) & 1) === 1;
  }
}
