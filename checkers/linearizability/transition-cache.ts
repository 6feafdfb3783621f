/** What `get` returns for a transition not stored. */
export const MISSING = -2;

const INITIAL_SLOTS = 1 << 10;

/**
 * Transitions (state, op kind) -> result in one open-addressing table over typed arrays: memory
 * grows with the transitions stored, not with states × kinds, and nothing is boxed. A dense row
 * per state costs a row as wide as the partition's op kinds (hundreds when every append has its
 * own value) of which a search touches a few. Stores at most `max` transitions; past it `set` does
 * nothing and the caller recomputes.
 */
export class TransitionCache {
  size = 0;
  /** State id + 1 per slot; 0 marks an empty slot. */
  private states = new Int32Array(INITIAL_SLOTS);
  private kinds = new Int32Array(INITIAL_SLOTS);
  private results = new Int32Array(INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;

  constructor(private readonly max: number) {}

  get(s: number, k: number): number {
    const states = this.states;
    for (let i = slotOf(s, k) & this.mask; ; i = (i + 1) & this.mask) {
      const at = states[i]!;
      if (at === 0) return MISSING;
      if (at === s + 1 && this.kinds[i] === k) return this.results[i]!;
    }
  }

  /** Stores a transition not stored yet (the caller has just missed it). */
  set(s: number, k: number, result: number): void {
    if (this.size >= this.max) return;
    if ((this.size + 1) * 2 > this.states.length) this.grow();
    this.place(s, k, result);
    this.size++;
  }

  private place(s: number, k: number, result: number): void {
    let i = slotOf(s, k) & this.mask;
    while (this.states[i] !== 0) i = (i + 1) & this.mask;
    this.states[i] = s + 1;
    this.kinds[i] = k;
    this.results[i] = result;
  }

  private grow(): void {
    const { states, kinds, results } = this;
    const slots = states.length * 2;
    this.states = new Int32Array(slots);
    this.kinds = new Int32Array(slots);
    this.results = new Int32Array(slots);
    this.mask = slots - 1;
    for (let i = 0; i < states.length; i++)
      if (states[i] !== 0) this.place(states[i]! - 1, kinds[i]!, results[i]!);
  }
}

function slotOf(s: number, k: number): number {
  const h = Math.imul(s, 0x9e3779b1) ^ Math.imul(k + 0x7f4a7c15, 0x85ebca77);
  return h ^ (h >>> 15);
}
