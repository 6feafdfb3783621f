import type { KeyBlocks } from './block-witness.js';

/** Undo log of typed-array writes, so a search can step back to any earlier mark. */
export class Trail {
  private readonly log: [Int32Array, number, number][] = [];

  get mark(): number {
    return this.log.length;
  }

  set(a: Int32Array, i: number, v: number): void {
    this.log.push([a, i, a[i]!]);
    a[i] = v;
  }

  undo(mark: number): void {
    while (this.log.length > mark) {
      const [a, i, v] = this.log.pop()!;
      a[i] = v;
    }
  }
}

/** The scheduling state of one key under the block witness: its current block and what it waits for. */
export class KeyState {
  /** [0]: the block whose value the key holds now. */
  readonly cur = new Int32Array(1);
  /** Readers of each block not yet placed. */
  readonly unread: Int32Array;
  /** Failed comparisons still to be placed that must precede each block's write. */
  readonly waitingFails: Int32Array;
  /** [0]: failed comparisons of a written value not yet placed (any later write may be the one they need). */
  readonly openFails = new Int32Array(1);
  /** Segments each segment still waits for. */
  readonly predsLeft: Int32Array;
  private readonly succs: number[][];

  constructor(
    readonly k: KeyBlocks,
    private readonly trail: Trail,
  ) {
    this.unread = Int32Array.from(k.blocks, (b) => b.readers.length);
    this.waitingFails = new Int32Array(k.blocks.length);
    this.predsLeft = Int32Array.from(k.segments, (s) => s.after.length);
    this.succs = k.segments.map(() => []);
    k.segments.forEach((s, t) => s.after.forEach((u) => this.succs[u]!.push(t)));
    this.finishSegmentAt(0);
  }

  /** Whether the write heading block b may come now. */
  headReady(b: number): boolean {
    const block = this.k.blocks[b]!;
    const c = this.cur[0]!;
    if (this.unread[c]! > 0 || this.waitingFails[b]! > 0) return false;
    const cur = this.k.blocks[c]!;
    if (block.chainIndex > 0) return cur.segment === block.segment && cur.chainIndex === block.chainIndex - 1;
    return this.predsLeft[block.segment] === 0 && this.endsChain(c);
  }

  /**
   * Whether writing block b is a real choice: it holds the key until its readers are placed, or
   * its cas chain goes on, or failed comparisons of the key are still to be placed (they may need
   * this write to move the key past their value, or need it not yet written). Any other write,
   * placed as soon as it may come, never hurts: it changes no value another op needs.
   */
  locks(b: number): boolean {
    return this.k.blocks[b]!.readers.length > 0 || this.openFails[0]! > 0 || !this.endsChain(b);
  }

  placeHead(b: number): void {
    this.trail.set(this.cur, 0, b);
    this.finishSegmentAt(b);
  }

  placeRead(b: number): void {
    this.trail.set(this.unread, b, this.unread[b]! - 1);
  }

  /** Places a failed comparison of block b (-1: a value never written); `before` as marked. */
  placeFail(b: number, before: boolean): void {
    if (before) this.trail.set(this.waitingFails, b, this.waitingFails[b]! - 1);
    if (b >= 0) this.trail.set(this.openFails, 0, this.openFails[0]! - 1);
  }

  private endsChain(b: number): boolean {
    const block = this.k.blocks[b]!;
    return block.chainIndex === this.k.segments[block.segment]!.chain.length - 1;
  }

  /** When b ends its chain, the segment is done and its successors wait for one fewer. */
  private finishSegmentAt(b: number): void {
    if (!this.endsChain(b)) return;
    for (const t of this.succs[this.k.blocks[b]!.segment]!)
      this.trail.set(this.predsLeft, t, this.predsLeft[t]! - 1);
  }
}
