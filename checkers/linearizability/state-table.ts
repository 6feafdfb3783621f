import type { Model, ModelOp } from '../../src/core/model.js';
import type { CapName, SearchCaps } from './search-caps.js';
import { MISSING, TransitionCache } from './transition-cache.js';

/** Transition result: the op is impossible in that state. */
export const IMPOSSIBLE = -1;
/** Transition result: a new state would pass a cap (see `capped`); the search must stop. */
export const FULL = -3;
/**
 * The dense table stores a transition's result plus SHIFT, so that 0, what a new Int32Array holds,
 * means "not computed yet" and growing the table needs no fill.
 */
const SHIFT = 2;
/** How many times more rows a full dense table gets (fewer copies than doubling). */
const GROWTH = 4;
/** Transitions cached outside the dense table at most; past it they are recomputed. */
const MAX_CACHED = 1 << 23;
/** Int32 entries of the dense table (16 MiB). */
const DENSE_ENTRIES = 1 << 22;
/**
 * Op kinds at most for a dense table of a model with `id`: wider rows are mostly empty (a search
 * tries a few kinds per state), and recomputing costs such a model less than filling them.
 */
const DENSE_MAX_KINDS = 64;

/**
 * Model states interned as integers, and the transitions (state, op kind) -> state cached, so the
 * model runs once per distinct transition. States are told apart by `model.id` when the model has
 * one (an integer), else by `model.hash`. The first states' transitions live in a dense
 * Int32Array (for a model with `id`, only when the partition has few op kinds). The rest are
 * recomputed for a model with `id`, else kept in a `TransitionCache` (up to MAX_CACHED).
 */
export class StateTable {
  readonly states: unknown[];
  /** The cap a transition hit, once `step` returned FULL. */
  capped: CapName | undefined;
  private readonly ids = new Map<string | number, number>();
  private readonly denseStates: number;
  private dense: Int32Array;
  private readonly cache = new TransitionCache(MAX_CACHED);
  private chars = 0;
  /**
   * Past the dense table, recompute transitions instead of caching them: for a model with `id`, a
   * step plus an integer lookup costs less than storing and finding the transition (kv-append on
   * Porcupine's 50-client logs: 4–17% less CPU than with the cache).
   */
  private readonly recompute: boolean;

  constructor(
    private readonly model: Model,
    private readonly kindOps: readonly ModelOp[],
    private readonly caps: SearchCaps,
  ) {
    const init = model.init();
    this.states = [init];
    this.ids.set(this.keyOf(init), 0);
    const kinds = Math.max(1, kindOps.length);
    this.recompute = model.id !== undefined;
    const narrow = !this.recompute || kinds <= DENSE_MAX_KINDS;
    this.denseStates = narrow ? Math.max(16, Math.floor(DENSE_ENTRIES / kinds)) : 0;
    this.dense = new Int32Array(Math.min(16, this.denseStates) * kinds);
  }

  /** The state reached by op kind `k` from state `s`: a state id, IMPOSSIBLE, or FULL. */
  step(s: number, k: number): number {
    const n = this.kindOps.length;
    if (s < this.denseStates) {
      const slot = s * n + k;
      if (slot < this.dense.length) {
        const t = this.dense[slot]!;
        if (t !== 0) return t - SHIFT;
      }
    } else if (!this.recompute) {
      const t = this.cache.get(s, k);
      if (t !== MISSING) return t;
    }
    const t = this.compute(s, k);
    if (t !== FULL) this.remember(s, k, t);
    return t;
  }

  private keyOf(state: unknown): string | number {
    return this.model.id ? this.model.id(state) : this.model.hash(state);
  }

  private compute(s: number, k: number): number {
    const next = this.model.step(this.states[s], this.kindOps[k]!);
    if (next === null) return IMPOSSIBLE;
    const key = this.keyOf(next);
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    if (typeof key === 'string') this.chars += key.length;
    if (this.states.length >= this.caps.states) this.capped = 'states';
    else if (this.chars > this.caps.stateChars) this.capped = 'stateChars';
    if (this.capped !== undefined) return FULL;
    const id = this.states.length;
    this.states.push(next);
    this.ids.set(key, id);
    return id;
  }

  private remember(s: number, k: number, t: number): void {
    const n = this.kindOps.length;
    if (s >= this.denseStates) {
      if (!this.recompute) this.cache.set(s, k, t);
      return;
    }
    const slot = s * n + k;
    if (slot >= this.dense.length) {
      const rows = Math.min(this.denseStates, Math.max(this.states.length, s + 1) * GROWTH);
      const bigger = new Int32Array(rows * n);
      bigger.set(this.dense);
      this.dense = bigger;
    }
    this.dense[slot] = t + SHIFT;
  }
}
