import type { Model } from '../../src/core/model.js';
import type { Value } from '../../src/core/op.js';
import type { PartitionOp } from '../linearizability/partition-op.js';
import { valueKey } from '../models/value-key.js';
import type { SeqOp } from './process-sequences.js';
import type { UniqueBlock, UniqueSegment } from './unique-writes-order.js';

/** One key's blocks and segments from the unique-writes construction, and its failed comparisons. */
export interface KeyBlocks {
  blocks: readonly UniqueBlock[];
  segments: readonly UniqueSegment[];
  observations: readonly PartitionOp[];
}

/** What an op is to its key's blocks: the write heading a block, a read of one, or a failed comparison. */
interface Role {
  kind: 'head' | 'read' | 'fail';
  /** The block written or read; for a failed comparison the block of its expected value (-1: none). */
  block: number;
  /** A failed comparison whose process later observes the expected value: it must precede its write. */
  before?: boolean;
}

/** The scheduling state of one key: its current block and what it still waits for. */
class KeyState {
  cur = 0;
  readonly unread: Int32Array;
  /** Failed comparisons still to be placed that must precede each block's write. */
  readonly waitingFails: Int32Array;
  readonly predsLeft: Int32Array;
  readonly succs: number[][];

  constructor(readonly k: KeyBlocks) {
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
    if (this.unread[this.cur]! > 0 || this.waitingFails[b]! > 0) return false;
    const cur = this.k.blocks[this.cur]!;
    if (block.chainIndex > 0) return cur.segment === block.segment && cur.chainIndex === block.chainIndex - 1;
    const chain = this.k.segments[cur.segment]!.chain;
    return this.predsLeft[block.segment] === 0 && cur.chainIndex === chain.length - 1;
  }

  placeHead(b: number): void {
    this.cur = b;
    this.finishSegmentAt(b);
  }

  /** When b ends its chain, the segment is done and its successors wait for one fewer. */
  private finishSegmentAt(b: number): void {
    const block = this.k.blocks[b]!;
    if (block.chainIndex !== this.k.segments[block.segment]!.chain.length - 1) return;
    for (const t of this.succs[block.segment]!) this.predsLeft[t]!--;
  }
}

/**
 * Looks for one total order of a whole keyed history whose keys have unique written values, from
 * each key's blocks and segments (see uniqueWritesOrder). A greedy schedule: reads and failed
 * comparisons are placed as soon as they are legal (moving a read-only op earlier never hurts);
 * otherwise the write invoked first among those that may come now is placed. A write may come
 * when its process reached it, every read of the key's current value is placed, and its segment's
 * turn has come. The order found is replayed through the model and returned only when every step
 * is legal, so a witness is always a real one; undefined says nothing (another choice may fit).
 */
export function blockWitness(
  model: Model,
  sequences: readonly SeqOp[][],
  keys: readonly KeyBlocks[],
  partitions: number,
  inner: (v: Value) => Value,
): SeqOp[] | undefined {
  const roles = keyRoles(keys, inner);
  const state = keys.map((k) => new KeyState(k));
  markFailsBefore(sequences, roles, state);
  const pos = new Int32Array(sequences.length);
  const order: SeqOp[] = [];
  const next = (p: number): SeqOp | undefined => {
    const seq = sequences[p]!;
    while (pos[p]! < seq.length && seq[pos[p]!]!.op.type === 'info' && !roles.has(seq[pos[p]!]!.op))
      pos[p]!++;
    return seq[pos[p]!];
  };
  for (;;) {
    let best: { p: number; s: SeqOp } | undefined;
    let placedReadOnly = false;
    for (let p = 0; p < sequences.length; p++) {
      for (let s = next(p); s !== undefined; s = next(p)) {
        const role = roles.get(s.op);
        if (role === undefined) return undefined; // an op the blocks do not place
        const key = state[s.part]!;
        if (role.kind === 'head') {
          if (key.headReady(role.block) && (best === undefined || rank(s) < rank(best.s))) best = { p, s };
          break;
        }
        if (role.kind === 'read' ? key.cur !== role.block : key.cur === role.block) break;
        if (role.kind === 'read') key.unread[role.block]!--;
        if (role.before === true) key.waitingFails[role.block]!--;
        order.push(s);
        pos[p]!++;
        placedReadOnly = true;
      }
    }
    if (placedReadOnly) continue;
    if (best === undefined) break;
    state[best.s.part]!.placeHead(roles.get(best.s.op)!.block);
    order.push(best.s);
    pos[best.p]!++;
  }
  if (sequences.some((_, p) => next(p) !== undefined)) return undefined;
  return replays(model, order, partitions) ? order : undefined;
}

/** Writes go in invocation order, which real time usually keeps close to a legal order. */
const rank = (s: SeqOp): number => s.op.call;

/** The role of every op the blocks place, by op. */
function keyRoles(keys: readonly KeyBlocks[], inner: (v: Value) => Value): Map<PartitionOp, Role> {
  const roles = new Map<PartitionOp, Role>();
  for (const k of keys) {
    const at = new Map<string, number>();
    k.blocks.forEach((b, i) => {
      at.set(b.value, i);
      if (b.head !== undefined) roles.set(b.head, { kind: 'head', block: i });
      for (const r of b.readers) roles.set(r, { kind: 'read', block: i });
    });
    for (const f of k.observations) {
      const expected = valueKey((inner(f.model.value) as Value[])[0]!);
      roles.set(f, { kind: 'fail', block: at.get(expected) ?? -1 });
    }
  }
  return roles;
}

/**
 * Marks each failed comparison whose process later reads its expected value, or later runs a cas
 * expecting it: values are unique, so the value cannot come back, and the fail must precede its write.
 */
function markFailsBefore(
  sequences: readonly SeqOp[][],
  roles: ReadonlyMap<PartitionOp, Role>,
  state: readonly KeyState[],
): void {
  for (const seq of sequences) {
    const later = new Set<string>();
    for (let i = seq.length - 1; i >= 0; i--) {
      const s = seq[i]!;
      const role = roles.get(s.op);
      if (role === undefined) continue;
      if (role.kind === 'read') later.add(`${s.part}|${role.block}`);
      if (role.kind === 'head' && s.op.type === 'ok' && s.op.f === 'cas') {
        const block = state[s.part]!.k.blocks[role.block]!;
        const prev = state[s.part]!.k.segments[block.segment]!.chain[block.chainIndex - 1];
        if (prev !== undefined) later.add(`${s.part}|${prev}`);
      }
      if (role.kind === 'fail' && role.block > 0 && later.has(`${s.part}|${role.block}`)) {
        role.before = true;
        state[s.part]!.waitingFails[role.block]!++;
      }
    }
  }
}

/** Whether `order` steps legally through the model, one state per partition. */
function replays(model: Model, order: readonly SeqOp[], partitions: number): boolean {
  const states = new Array<unknown>(partitions).fill(model.init());
  for (const s of order) {
    const next = model.step(states[s.part], s.op.model);
    if (next === null) return false;
    states[s.part] = next;
  }
  return true;
}
