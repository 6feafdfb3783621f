// The Wing–Gong/Lowe search for one partition, written for speed: integer arrays, interned model
// states, cached transitions, Zobrist-hashed bitsets, and no allocation in the hot loop. This file
// is the search loop; its parts live beside it: search-ops (op and kind ids), state-table (interned
// states and the transition cache), entry-list (the call/return list), linearized-set (the
// linearized bitsets and their hashes), search-stack, visited-set (the memo), deepest-prefix and
// restricted-ids.
import type { Model } from '../../src/core/model.js';
import { DeepestPrefix } from './deepest-prefix.js';
import { EntryList } from './entry-list.js';
import { LinearizedSet } from './linearized-set.js';
import { RestrictedIds } from './restricted-ids.js';
import { DEFAULT_CAPS, type CapName, type SearchCaps } from './search-caps.js';
import type { SearchOps } from './search-ops.js';
import type { SearchOutcome } from './search-outcome.js';
import { SearchStack } from './search-stack.js';
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

/**
 * Searches for a linearization of the indexed ops of one partition. Ok ops must take effect
 * between their call and return. Info ops are optional: they may take effect at any point after
 * their call, or never, so the search succeeds once every required op is linearized. Three
 * reductions keep the crashed ops from multiplying the search, each safe because an info op may
 * always be left out: an info op that would not change the state is never applied; of several
 * available info ops of the same kind only the first is applied; and an applied info op must be
 * followed by an op that needs it (see `allowed`). Read-only ops that fit are linearized at once,
 * without branching. Configurations (required set, model state) are memoised with the set of
 * applied info ops; a configuration whose applied set contains one already explored from the same
 * (required set, state) is pruned, since having fewer info ops used up can only help.
 */
export function wglSearch(model: Model, ops: SearchOps, limits: SearchLimits): SearchOutcome {
  return new WglSearch(model, ops, limits).run();
}

/** One search: the linearized set, the stack, and the loop over them. */
class WglSearch {
  private readonly nReq: number;
  private readonly kindOf: Int32Array;
  private readonly table: StateTable;
  private readonly list: EntryList;
  private readonly set: LinearizedSet;
  private readonly stack: SearchStack;
  private readonly visited: VisitedSet;
  private readonly restricted: RestrictedIds;
  private readonly deepest: DeepestPrefix;
  private readonly caps: SearchCaps;
  private reqDone = 0;
  private state = 0;
  private explored = 0;
  private capped: CapName | undefined;
  /** Set by tryRequired when a forced read-only op led to a configuration seen before. */
  private forcedFailed = false;

  constructor(
    model: Model,
    private readonly o: SearchOps,
    private readonly limits: SearchLimits,
  ) {
    this.nReq = o.nReq;
    this.kindOf = o.kindOf;
    this.caps = limits.caps ?? DEFAULT_CAPS;
    this.table = new StateTable(model, o.kindOps, this.caps);
    this.list = new EntryList(o.reqCall, o.reqRet);
    this.restricted = new RestrictedIds(o.kindOps.length);
    this.set = new LinearizedSet(o.nReq, o.nOpt, limits.reuseInfo === true);
    const n = o.order.length;
    this.visited = new VisitedSet(this.set.optWords, n, this.caps);
    this.stack = new SearchStack(n + 16, this.caps.stack);
    this.deepest = new DeepestPrefix(n + 16);
  }

  /** The search loop: walk the entry list, then the info ops, and backtrack when nothing fits. */
  run(): SearchOutcome {
    const { nReq, nOpt, kindOf, readOnly, infoCall, prevSameKind } = this.o;
    const list = this.list;
    const next = list.next;
    const stack = this.stack;
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
        if (stack.depth === 0) return this.finish(false);
        const id = this.pop();
        if (id < nReq) {
          mode = 0;
          entry = next[2 * id]!;
        } else {
          mode = 1;
          j = id - nReq + 1;
          limit = stack.limit[stack.depth]!;
        }
        // A forced op was the only choice worth trying in its configuration: keep backtracking.
        if (stack.forced[stack.depth] !== 1) break;
      }
    }
  }

  /**
   * Tries required op `id` now. A read-only op that fits is linearized now without loss: moving it
   * earlier in any linearization keeps real-time order (no pending op must precede it) and changes
   * no state. So it is the only choice tried here; if its configuration was seen, this one fails.
   */
  private tryRequired(id: number, k: number, ro: boolean): boolean {
    const t = this.step(this.state, k);
    if (ro) {
      if (t !== this.state || !this.allowed(k, t, true)) return false;
      if (this.push(id, t, 0, true)) return true;
      this.forcedFailed = true;
      return false;
    }
    return t >= 0 && this.allowed(k, t, true) && this.push(id, t, 0, false);
  }

  /** Tries info op j (index among info ops), if unused and the first unused of its kind. */
  private tryInfo(j: number, p: number, limit: number): boolean {
    if (this.set.hasInfo(j)) return false;
    if (p >= 0 && !this.set.hasInfo(p)) return false;
    const id = this.nReq + j;
    const k = this.kindOf[id]!;
    const t = this.step(this.state, k);
    return t >= 0 && t !== this.state && this.allowed(k, t, false) && this.push(id, t, limit, false);
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
    const stack = this.stack;
    if (stack.depth === 0) return true;
    const x = stack.op[stack.depth - 1]!;
    if (x < this.nReq) return true;
    const a = this.step(stack.state[stack.depth - 1]!, k);
    if (a < 0) return true;
    if (a === t) return false;
    const kx = this.kindOf[x]!;
    // Two info ops that commute would each move after the other forever: only the order by kind is kept.
    return this.step(a, kx) !== t || (!required && k >= kx);
  }

  /** Linearizes op `id` now, reaching `target`; false when the new configuration was seen before (or a cap was hit). */
  private push(id: number, target: number, limit: number, forced: boolean): boolean {
    const required = id < this.nReq;
    const set = this.set;
    const savedLo = set.lo;
    const savedHi = set.hi;
    set.add(id);
    // After an info op the next op is restricted (see allowed), so the memo tells those configurations apart.
    const memoState = required
      ? target * 2
      : this.restricted.id(this.kindOf[id]!, this.state, target) * 2 + 1;
    const added = this.visited.add(set.h1, set.h2, memoState, set.lo, set.hi, set.req, set.opt);
    if (added !== NEW) {
      set.remove(id, savedLo, savedHi);
      if (added !== SEEN) this.capped = this.visited.capped;
      return false;
    }
    if (this.restricted.size > this.caps.states) this.capped = 'states';
    if (!this.stack.push(id, this.state, savedLo, savedHi, limit, forced)) {
      set.remove(id, savedLo, savedHi);
      this.capped = 'stack';
      return false;
    }
    this.state = target;
    if (required) {
      this.reqDone++;
      this.list.lift(id);
    }
    this.explored++;
    this.deepest.pushed(this.stack.depth);
    return true;
  }

  /** Undoes the top of the stack and returns its op id. */
  private pop(): number {
    const stack = this.stack;
    this.deepest.popping(stack.op, stack.depth, this.reqDone);
    const d = --stack.depth;
    const id = stack.op[d]!;
    this.state = stack.state[d]!;
    this.set.remove(id, stack.lo[d]!, stack.hi[d]!);
    if (id < this.nReq) {
      this.reqDone--;
      this.list.unlift(id);
    }
    return id;
  }

  private finish(verdict: SearchOutcome['verdict'], stoppedBy?: SearchOutcome['stoppedBy']): SearchOutcome {
    const ids = this.deepest.finish(this.stack.op, this.stack.depth, this.reqDone);
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
