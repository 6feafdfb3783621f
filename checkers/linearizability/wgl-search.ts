// The Wing–Gong/Lowe search for one partition, written for speed: integer arrays, interned model
// states, cached transitions, Zobrist-hashed bitsets, and no allocation in the hot loop. Its parts
// live beside it: search-ops (op and kind ids), state-table (states and transitions), entry-list
// (the call/return list), visited-set (the memo), deepest-prefix and restricted-ids.
import type { Model } from '../../src/core/model.js';
import { DeepestPrefix } from './deepest-prefix.js';
import { EntryList } from './entry-list.js';
import type { PartitionOp } from './partition-op.js';
import { RestrictedIds } from './restricted-ids.js';
import { DEFAULT_CAPS, type CapName, type SearchCaps } from './search-caps.js';
import { indexOps, type SearchOps } from './search-ops.js';
import type { SearchOutcome } from './search-outcome.js';
import { FULL, StateTable } from './state-table.js';
import { NEW, SEEN, VisitedSet } from './visited-set.js';

/** Limits of one search; `budget` counts explored configurations, so the verdict never depends on machine speed. */
export interface SearchLimits {
  budget: number;
  /** Date.now() after which the search stops with unknown. */
  deadline?: number;
  /**
   * Let every info op take effect any number of times. This admits more orders than the real
   * semantics (once or never), so a false verdict still refutes the history, while the memo no
   * longer tracks which info ops were used: see decideLinearizable.
   */
  reuseInfo?: boolean;
  /** Caps on the search's tables (default DEFAULT_CAPS); reaching one ends the search unknown. */
  caps?: SearchCaps;
}

/** A deterministic 32-bit PRNG (mulberry32) for the Zobrist keys. */
function zobrist(n: number, seed: number): Int32Array {
  const out = new Int32Array(n);
  let a = seed >>> 0;
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = t ^ (t >>> 14);
  }
  return out;
}

/** Grows a typed array to `size`, keeping its contents. */
function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, b: T): T {
  b.set(a);
  return b;
}

const Z1 = zobrist(1 << 12, 0x9e3779b9);
const Z2 = zobrist(1 << 12, 0x85ebca6b);

/** Zobrist keys for `n` ops: the shared first 4096, computed afresh only for larger partitions. */
function zobristKeys(n: number): [Int32Array, Int32Array] {
  if (n <= Z1.length) return [Z1, Z2];
  return [zobrist(n, 0x9e3779b9), zobrist(n, 0x85ebca6b)];
}

/**
 * Searches for a linearization of `ops` (one partition). Ok ops must take effect between their
 * call and return. Info ops are optional: they may take effect at any point after their call, or
 * never, so the search succeeds once every required op is linearized. Three reductions keep the
 * crashed ops from multiplying the search, each safe because an info op may always be left out:
 * an info op that would not change the state is never applied; of several available info ops of
 * the same kind only the first is applied; and an applied info op must be followed by an op that
 * needs it (see `allowed`). Read-only ops that fit are linearized at once, without branching.
 * Configurations (required set, model state) are memoised with the set of applied info ops; a
 * configuration whose applied set contains one already explored from the same (required set,
 * state) is pruned, since having fewer info ops used up can only help.
 */
export function wglSearch(model: Model, ops: readonly PartitionOp[], limits: SearchLimits): SearchOutcome {
  return new WglSearch(model, ops, limits).run();
}

/** One search's state: the linearized sets, the stack, and the loop over them. */
class WglSearch {
  private readonly o: SearchOps;
  private readonly nReq: number;
  private readonly kindOf: Int32Array;
  private readonly table: StateTable;
  private readonly list: EntryList;
  private readonly visited: VisitedSet;
  private readonly restricted: RestrictedIds;
  private readonly deepest: DeepestPrefix;
  private readonly caps: SearchCaps;
  private readonly reuse: boolean;
  // The linearized sets and their Zobrist hashes.
  private readonly reqBits: Int32Array;
  private readonly optBits: Int32Array;
  private readonly z1: Int32Array;
  private readonly z2: Int32Array;
  private h1 = 0;
  private h2 = 0;
  /** First unlinearized required id. */
  private lo = 0;
  /** Highest linearized required id. */
  private hi = -1;
  private reqDone = 0;
  // The stack of linearized ops: id, state before, lo/hi before, the info scan limit, forced.
  private stackOp: Int32Array;
  private stackState: Int32Array;
  private stackLo: Int32Array;
  private stackHi: Int32Array;
  private stackLimit: Float64Array;
  private stackForced: Uint8Array;
  private depth = 0;
  private state = 0;
  private explored = 0;
  private capped: CapName | undefined;

  constructor(
    model: Model,
    ops: readonly PartitionOp[],
    private readonly limits: SearchLimits,
  ) {
    const o = indexOps(model, ops);
    this.o = o;
    this.nReq = o.nReq;
    this.kindOf = o.kindOf;
    this.caps = limits.caps ?? DEFAULT_CAPS;
    this.reuse = limits.reuseInfo === true;
    this.table = new StateTable(model, o.kindOps, this.caps);
    this.list = new EntryList(o.reqCall, o.reqRet);
    this.restricted = new RestrictedIds(o.kindOps.length);
    this.reqBits = new Int32Array(Math.max(1, (o.nReq + 31) >>> 5));
    const optWords = (o.nOpt + 31) >>> 5;
    this.optBits = new Int32Array(Math.max(1, optWords));
    [this.z1, this.z2] = zobristKeys(o.nReq);
    this.visited = new VisitedSet(this.reuse ? 0 : optWords, ops.length, this.caps);
    const size = ops.length + 16;
    this.stackOp = new Int32Array(size);
    this.stackState = new Int32Array(size);
    this.stackLo = new Int32Array(size);
    this.stackHi = new Int32Array(size);
    this.stackLimit = new Float64Array(size);
    this.stackForced = new Uint8Array(size);
    this.deepest = new DeepestPrefix(size);
  }

  /** The search loop: walk the entry list, then the info ops, and backtrack when nothing fits. */
  run(): SearchOutcome {
    const { nReq, nOpt, kindOf, readOnly, infoCall, prevSameKind } = this.o;
    const list = this.list;
    const next = list.next;
    const budget = this.limits.budget;
    const deadline = this.limits.deadline;
    let mode = 0; // 0: walking the list of required entries; 1: scanning info ops
    let entry = next[list.head]!;
    let j = 0;
    let limit = Infinity; // position of the first return entry: info ops invoked before it are available
    let ticks = 0;
    for (;;) {
      if (this.capped !== undefined) return this.finish('unknown', 'memory');
      if (this.reqDone === nReq) return this.finish(true);
      if (this.explored >= budget) return this.finish('unknown', 'budget');
      if (deadline !== undefined && (++ticks & 0x3fff) === 0 && Date.now() > deadline) {
        return this.finish('unknown', 'timeout');
      }
      if (mode === 0) {
        if (entry !== -1 && EntryList.isCall(entry)) {
          const id = entry >>> 1;
          if (this.tryRequired(id, kindOf[id]!, readOnly[kindOf[id]!] === 1)) {
            entry = next[list.head]!;
            continue;
          }
          if (this.forcedFailed) {
            this.forcedFailed = false;
          } else {
            entry = next[entry]!;
            continue;
          }
        } else {
          limit = entry === -1 ? Infinity : list.pos[entry]!;
          mode = 1;
          j = 0;
          continue;
        }
      } else if (j < nOpt && infoCall[j]! < limit) {
        if (this.tryInfo(j, prevSameKind[j]!, limit)) {
          mode = 0;
          entry = next[list.head]!;
        } else j++;
        continue;
      }
      // Nothing more to try in this configuration: undo the last op (and the forced ones before it).
      if (this.capped !== undefined) return this.finish('unknown', 'memory');
      for (;;) {
        if (this.depth === 0) return this.finish(false);
        const id = this.pop();
        if (id < nReq) {
          mode = 0;
          entry = next[2 * id]!;
        } else {
          mode = 1;
          j = id - nReq + 1;
          limit = this.stackLimit[this.depth]!;
        }
        // A forced op was the only choice worth trying in its configuration: keep backtracking.
        if (this.stackForced[this.depth] !== 1) break;
      }
    }
  }

  /** Set by tryRequired when a forced read-only op led to a configuration seen before. */
  private forcedFailed = false;

  /**
   * Tries required op `id` now. A read-only op that fits is linearized now without loss: moving it
   * earlier in any linearization keeps real-time order (no pending op must precede it) and changes
   * no state. So it is the only choice tried here; if its configuration was seen, this one fails.
   */
  private tryRequired(id: number, k: number, ro: boolean): boolean {
    const t = this.step(this.state, k);
    if (ro) {
      if (t !== this.state || !this.allowed(k, t, true)) return false;
      if (this.push(id, t, 0)) {
        this.stackForced[this.depth - 1] = 1;
        return true;
      }
      this.forcedFailed = true;
      return false;
    }
    if (t >= 0 && this.allowed(k, t, true) && this.push(id, t, 0)) {
      this.stackForced[this.depth - 1] = 0;
      return true;
    }
    return false;
  }

  /** Tries info op j (index among info ops), if unused and the first unused of its kind. */
  private tryInfo(j: number, p: number, limit: number): boolean {
    const optBits = this.optBits;
    if (((optBits[j >>> 5]! >>> (j & 31)) & 1) === 1) return false;
    if (p >= 0 && ((optBits[p >>> 5]! >>> (p & 31)) & 1) === 0) return false;
    const id = this.nReq + j;
    const k = this.kindOf[id]!;
    const t = this.step(this.state, k);
    if (t >= 0 && t !== this.state && this.allowed(k, t, false) && this.push(id, t, limit)) {
      this.stackForced[this.depth - 1] = 0;
      return true;
    }
    return false;
  }

  /** The state table's transition; a cap reached there stops the search. */
  private step(s: number, k: number): number {
    const t = this.table.step(s, k);
    if (t === FULL) this.capped = this.table.capped;
    return t;
  }

  /**
   * Whether op kind `k`, reaching `t`, may follow the op on top of the stack. After an info op x
   * (state s before it), y may follow only if it needs x: if y fits s and gives the same state
   * either way, x can be left out; if y then x gives the same state, x can move after y (an info
   * op has no deadline). Either way some linearization puts x later or nowhere, so only orders
   * where x is immediately used need exploring. Moving info ops later past required ops, and
   * sorting commuting info ops by kind, terminates, so every linearization has such a form.
   */
  private allowed(k: number, t: number, required: boolean): boolean {
    if (this.depth === 0) return true;
    const x = this.stackOp[this.depth - 1]!;
    if (x < this.nReq) return true;
    const a = this.step(this.stackState[this.depth - 1]!, k);
    if (a < 0) return true;
    if (a === t) return false;
    const kx = this.kindOf[x]!;
    // Two info ops that commute would each move after the other forever: only the order by kind is kept.
    return this.step(a, kx) !== t || (!required && k >= kx);
  }

  /** Adds op `id` to the linearized sets (no stack change). */
  private mark(id: number): void {
    if (id < this.nReq) {
      this.reqBits[id >>> 5]! |= 1 << (id & 31);
      this.h1 ^= this.z1[id]!;
      this.h2 ^= this.z2[id]!;
      if (id > this.hi) this.hi = id;
      if (id === this.lo) {
        let lo = this.lo + 1;
        while (lo < this.nReq && (this.reqBits[lo >>> 5]! & (1 << (lo & 31))) !== 0) lo++;
        this.lo = lo;
      }
    } else if (!this.reuse) {
      const j = id - this.nReq;
      this.optBits[j >>> 5]! |= 1 << (j & 31);
    }
  }

  /** Removes op `id` from the linearized sets; lo and hi are restored by the caller. */
  private unmark(id: number): void {
    if (id < this.nReq) {
      this.reqBits[id >>> 5]! &= ~(1 << (id & 31));
      this.h1 ^= this.z1[id]!;
      this.h2 ^= this.z2[id]!;
    } else if (!this.reuse) {
      const j = id - this.nReq;
      this.optBits[j >>> 5]! &= ~(1 << (j & 31));
    }
  }

  /** Linearizes op `id` now, reaching `target`; false when the new configuration was seen before (or a cap was hit). */
  private push(id: number, target: number, limit: number): boolean {
    const required = id < this.nReq;
    const savedLo = this.lo;
    const savedHi = this.hi;
    this.mark(id);
    // After an info op the next op is restricted (see allowed), so the memo tells those configurations apart.
    const memoState = required
      ? target * 2
      : this.restricted.id(this.kindOf[id]!, this.state, target) * 2 + 1;
    const added = this.visited.add(this.h1, this.h2, memoState, this.lo, this.hi, this.reqBits, this.optBits);
    if (added !== NEW) {
      this.unmark(id);
      this.lo = savedLo;
      this.hi = savedHi;
      if (added !== SEEN) this.capped = this.visited.capped;
      return false;
    }
    if (this.restricted.size > this.caps.states) this.capped = 'states';
    if (this.depth === this.stackOp.length && !this.growStack()) return false;
    const d = this.depth;
    this.stackOp[d] = id;
    this.stackState[d] = this.state;
    this.stackLo[d] = savedLo;
    this.stackHi[d] = savedHi;
    this.stackLimit[d] = limit;
    this.depth = d + 1;
    this.state = target;
    if (required) {
      this.reqDone++;
      this.list.lift(id);
    }
    this.explored++;
    this.deepest.pushed(this.depth);
    return true;
  }

  /** Undoes the top of the stack and returns its op id. */
  private pop(): number {
    this.deepest.popping(this.stackOp, this.depth, this.reqDone);
    const d = --this.depth;
    const id = this.stackOp[d]!;
    this.state = this.stackState[d]!;
    this.lo = this.stackLo[d]!;
    this.hi = this.stackHi[d]!;
    this.unmark(id);
    if (id < this.nReq) {
      this.reqDone--;
      this.list.unlift(id);
    }
    return id;
  }

  /** With reuseInfo an info op may appear on the stack many times, so the stack grows on demand. */
  private growStack(): boolean {
    const size = this.stackOp.length * 2;
    if (size > this.caps.stack) {
      this.capped = 'stack';
      return false;
    }
    this.stackOp = grown(this.stackOp, new Int32Array(size));
    this.stackState = grown(this.stackState, new Int32Array(size));
    this.stackLo = grown(this.stackLo, new Int32Array(size));
    this.stackHi = grown(this.stackHi, new Int32Array(size));
    this.stackLimit = grown(this.stackLimit, new Float64Array(size));
    this.stackForced = grown(this.stackForced, new Uint8Array(size));
    return true;
  }

  private finish(verdict: SearchOutcome['verdict'], stoppedBy?: SearchOutcome['stoppedBy']): SearchOutcome {
    const ids = this.deepest.finish(this.stackOp, this.depth, this.reqDone);
    const order = this.o.order;
    const out: SearchOutcome = {
      verdict,
      explored: this.explored,
      deepest: Array.from(ids, (id) => order[id]!),
      deepestRequired: this.deepest.required,
    };
    if (stoppedBy) out.stoppedBy = stoppedBy;
    if (stoppedBy === 'memory' && this.capped !== undefined) out.cap = this.capped;
    return out;
  }
}
