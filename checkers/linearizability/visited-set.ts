/** `VisitedSet.add`: the configuration was explored before (with a subset of the applied info ops). */
export const SEEN = 0;
/** `VisitedSet.add`: a new configuration, now recorded. */
export const NEW = 1;
/** `VisitedSet.add`: recording it would pass a cap. */
export const FULL = 2;

/**
 * The memo of the WGL search: configurations (set of linearized required ops, model state) in an
 * open-addressing table over a flat Int32Array arena, each with the sets of applied info ops it was
 * explored with. The required set is stored exactly but compactly: ops below `lo` are all
 * linearized, so only the words from `lo` to `hi` (the highest linearized op) are kept.
 */
export class VisitedSet {
  private slots: Int32Array;
  private count = 0;
  private keys: Int32Array;
  private keysUsed = 0;
  private lists: Int32Array;
  private listsUsed = 0;
  /** The cap `add` ran into, once it returned FULL. */
  capped: 'memoWords' | 'infoWords' | undefined;

  /**
   * `optWords`: words of the applied-info-ops bitset (0 when the partition has no info ops);
   * `sizeHint`: configurations expected (the tables start small and double), `caps` their limits.
   */
  constructor(
    private readonly optWords: number,
    sizeHint: number,
    private readonly caps: { memoWords: number; infoWords: number },
  ) {
    let slots = 64;
    while (slots < 2 * sizeHint && slots < 1 << 12) slots <<= 1;
    this.slots = new Int32Array(slots);
    this.keys = new Int32Array(slots * 4);
    this.lists = new Int32Array(optWords > 0 ? slots : 0);
  }

  /** Configurations stored. */
  get size(): number {
    return this.count;
  }

  /**
   * Records a configuration. SEEN when it was seen before with a subset of `optBits` applied
   * (then it cannot succeed where the earlier visit failed), NEW when it is new, FULL when storing
   * it would pass a cap (see `capped`).
   */
  add(
    h1: number,
    h2: number,
    state: number,
    lo: number,
    hi: number,
    reqBits: Int32Array,
    optBits: Int32Array,
  ): number {
    const loWord = lo >>> 5;
    const hiWord = hi < lo ? loWord - 1 : hi >>> 5;
    let h = h1 ^ Math.imul(state, 0x9e3779b1) ^ Math.imul(h2, 0x27d4eb2d);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h ^= h >>> 13;
    const mask = this.slots.length - 1;
    let slot = h & mask;
    const keys = this.keys;
    for (;;) {
      const at = this.slots[slot]!;
      if (at === 0) break;
      const k = at - 1;
      if (
        keys[k] === h1 &&
        keys[k + 1] === h2 &&
        keys[k + 2] === state &&
        keys[k + 3] === lo &&
        keys[k + 4] === hi
      ) {
        let same = true;
        for (let w = loWord, o = k + 6; w <= hiWord; w++, o++) {
          if (keys[o] !== reqBits[w]) {
            same = false;
            break;
          }
        }
        if (same) return this.addOpt(k, optBits);
      }
      slot = (slot + 1) & mask;
    }
    // A new configuration.
    const words = hiWord - loWord + 1;
    const need = this.keysUsed + 6 + words;
    if (need > this.keys.length) {
      if (need + this.slots.length * 2 > this.caps.memoWords) {
        this.capped = 'memoWords';
        return FULL;
      }
      const bigger = new Int32Array(Math.min(Math.max(need, this.keys.length * 2), this.caps.memoWords));
      bigger.set(this.keys.subarray(0, this.keysUsed));
      this.keys = bigger;
    }
    const k = this.keysUsed;
    const out = this.keys;
    out[k] = h1;
    out[k + 1] = h2;
    out[k + 2] = state;
    out[k + 3] = lo;
    out[k + 4] = hi;
    out[k + 5] = -1;
    for (let w = loWord, o = k + 6; w <= hiWord; w++, o++) out[o] = reqBits[w]!;
    this.keysUsed = need;
    this.slots[slot] = k + 1;
    this.count++;
    if (this.count * 2 > this.slots.length) this.grow();
    if (this.optWords > 0 && this.addOpt(k, optBits) === FULL) return FULL;
    return NEW;
  }

  /** Adds an applied-info set to key `k` unless a subset of it is there already. */
  private addOpt(k: number, optBits: Int32Array): number {
    const n = this.optWords;
    if (n === 0) return SEEN;
    const lists = this.lists;
    for (let node = this.keys[k + 5]!; node !== -1; node = lists[node]!) {
      let subset = true;
      for (let w = 0; w < n; w++) {
        if ((lists[node + 1 + w]! & ~optBits[w]!) !== 0) {
          subset = false;
          break;
        }
      }
      if (subset) return SEEN;
    }
    const need = this.listsUsed + 1 + n;
    if (need > this.lists.length) {
      if (need > this.caps.infoWords) {
        this.capped = 'infoWords';
        return FULL;
      }
      const bigger = new Int32Array(Math.min(Math.max(need, this.lists.length * 2), this.caps.infoWords));
      bigger.set(this.lists.subarray(0, this.listsUsed));
      this.lists = bigger;
    }
    const node = this.listsUsed;
    this.lists[node] = this.keys[k + 5]!;
    for (let w = 0; w < n; w++) this.lists[node + 1 + w] = optBits[w]!;
    this.keys[k + 5] = node;
    this.listsUsed = need;
    return NEW;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length - 1;
    for (const at of old) {
      if (at === 0) continue;
      const k = at - 1;
      let h =
        this.keys[k]! ^ Math.imul(this.keys[k + 2]!, 0x9e3779b1) ^ Math.imul(this.keys[k + 1]!, 0x27d4eb2d);
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h ^= h >>> 13;
      let slot = h & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = at;
    }
    this.slots = slots;
  }
}
