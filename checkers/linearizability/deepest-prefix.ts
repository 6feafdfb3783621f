/**
 * The deepest linearization the search reached, copied lazily from the stack: only the part
 * popped since the last copy changed, so tracking it costs nothing per step.
 */
export class DeepestPrefix {
  private ops: Int32Array;
  length = 0;
  /** Required ops linearized at the deepest point. */
  required = 0;
  private peak = -1;
  private atPeak = false;
  private lowWater = 0;

  constructor(capacity: number) {
    this.ops = new Int32Array(capacity);
  }

  /** Called after a push to depth `depth`. */
  pushed(depth: number): void {
    if (depth > this.peak) {
      this.peak = depth;
      this.atPeak = true;
    }
  }

  /** Called before a pop from depth `depth`: copies the stack if it is the deepest so far. */
  popping(stack: Int32Array, depth: number, required: number): void {
    if (this.atPeak) {
      this.copy(stack, depth, required);
      this.atPeak = false;
    }
    if (depth - 1 < this.lowWater) this.lowWater = depth - 1;
  }

  /** The deepest prefix as op ids, once the search ends at `depth`. */
  finish(stack: Int32Array, depth: number, required: number): Int32Array {
    if (this.atPeak || this.length < depth) this.copy(stack, depth, required);
    return this.ops.subarray(0, this.length);
  }

  private copy(stack: Int32Array, depth: number, required: number): void {
    if (this.ops.length < depth) {
      const bigger = new Int32Array(stack.length);
      bigger.set(this.ops.subarray(0, this.length));
      this.ops = bigger;
    }
    this.ops.set(stack.subarray(this.lowWater, depth), this.lowWater);
    this.length = depth;
    this.lowWater = depth;
    this.required = required;
  }
}
