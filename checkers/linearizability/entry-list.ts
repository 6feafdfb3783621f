/**
 * The doubly linked list of call and return entries of the required ops, in history order, as in
 * Wing–Gong: linearizing op `id` lifts its two entries out, backtracking puts them back. Entry
 * 2·id is op id's call, 2·id+1 its return; `head` is a sentinel before the first entry.
 */
export class EntryList {
  readonly head: number;
  /** Next entry after each entry (and after the head), or -1 at the end. */
  readonly next: Int32Array;
  private readonly prev: Int32Array;
  /** Position in the history of each entry. */
  readonly pos: Float64Array;

  /** `calls[id]` and `rets[id]`: history positions of required op id's call and return. */
  constructor(calls: ArrayLike<number>, rets: ArrayLike<number>) {
    const n = calls.length;
    this.head = 2 * n;
    this.next = new Int32Array(2 * n + 1);
    this.prev = new Int32Array(2 * n + 1);
    this.pos = new Float64Array(2 * n);
    const entries = new Int32Array(2 * n);
    for (let id = 0; id < n; id++) {
      this.pos[2 * id] = calls[id]!;
      this.pos[2 * id + 1] = rets[id]!;
      entries[2 * id] = 2 * id;
      entries[2 * id + 1] = 2 * id + 1;
    }
    const pos = this.pos;
    entries.sort((a, b) => pos[a]! - pos[b]!);
    let last = this.head;
    for (const e of entries) {
      this.next[last] = e;
      this.prev[e] = last;
      last = e;
    }
    this.next[last] = -1;
  }

  /** True when entry `e` is a call (else it is a return). */
  static isCall(e: number): boolean {
    return (e & 1) === 0;
  }

  /** Removes op `id`'s call and return entries. */
  lift(id: number): void {
    this.unlink(2 * id);
    this.unlink(2 * id + 1);
  }

  /** Puts op `id`'s entries back, in the reverse order of lift. */
  unlift(id: number): void {
    this.relink(2 * id + 1);
    this.relink(2 * id);
  }

  private unlink(e: number): void {
    const next = this.next[e]!;
    const prev = this.prev[e]!;
    this.next[prev] = next;
    if (next !== -1) this.prev[next] = prev;
  }

  private relink(e: number): void {
    const next = this.next[e]!;
    const prev = this.prev[e]!;
    if (next !== -1) this.prev[next] = e;
    this.next[prev] = e;
  }
}
