/** Grows a typed array to the size of `b`, keeping its contents. */
function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, b: T): T {
  b.set(a);
  return b;
}

/**
 * The stack of linearized ops, as parallel typed arrays: each frame holds the op id, the model
 * state before it, the bounds of the linearized set before it, the info scan limit it was chosen
 * under, and whether it was forced (the only choice worth trying in its configuration).
 */
export class SearchStack {
  op: Int32Array;
  state: Int32Array;
  lo: Int32Array;
  hi: Int32Array;
  limit: Float64Array;
  forced: Uint8Array;
  depth = 0;

  constructor(
    size: number,
    private readonly cap: number,
  ) {
    this.op = new Int32Array(size);
    this.state = new Int32Array(size);
    this.lo = new Int32Array(size);
    this.hi = new Int32Array(size);
    this.limit = new Float64Array(size);
    this.forced = new Uint8Array(size);
  }

  /** Pushes a frame; false when the stack is full and may not grow past its cap. */
  push(id: number, state: number, lo: number, hi: number, limit: number, forced: boolean): boolean {
    if (this.depth === this.op.length && !this.grow()) return false;
    const d = this.depth++;
    this.op[d] = id;
    this.state[d] = state;
    this.lo[d] = lo;
    this.hi[d] = hi;
    this.limit[d] = limit;
    this.forced[d] = forced ? 1 : 0;
    return true;
  }

  /** With reused info ops an op may appear on the stack many times, so it grows on demand up to its cap. */
  private grow(): boolean {
    const size = this.op.length * 2;
    if (size > this.cap) return false;
    this.op = grown(this.op, new Int32Array(size));
    this.state = grown(this.state, new Int32Array(size));
    this.lo = grown(this.lo, new Int32Array(size));
    this.hi = grown(this.hi, new Int32Array(size));
    this.limit = grown(this.limit, new Float64Array(size));
    this.forced = grown(this.forced, new Uint8Array(size));
    return true;
  }
}
