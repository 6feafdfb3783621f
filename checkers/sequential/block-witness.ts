import type { Model } from '../../src/core/model.js';
import type { Value } from '../../src/core/op.js';
import type { PartitionOp } from '../linearizability/partition-op.js';
import { valueKey } from '../models/value-key.js';
import { MinHeap } from './min-heap.js';
import type { SeqOp } from './process-sequences.js';
import type { UniqueBlock } from './unique-writes-order.js';

/** One key's legal block order from the unique-writes construction, and its unplaced failed comparisons. */
export interface KeyBlocks {
  blocks: readonly UniqueBlock[];
  observations: readonly PartitionOp[];
}

/**
 * Looks for one total order of the whole history from each key's block order (unique written
 * values): a topological order of program order plus, per key, "a block's write before its reads,
 * its reads before the next block's write". Reads of one block stay unordered, so this is far less
 * constrained than merging one total order per key. A failed comparison of value a must sit outside
 * a's block: before a's write when it was invoked before it, else after the next write. The order
 * found is replayed through the model, and returned only when every step is legal, so a witness is
 * always a real one; undefined says nothing (other block orders or placements may still fit).
 */
export function blockWitness(
  model: Model,
  sequences: readonly SeqOp[][],
  keys: readonly KeyBlocks[],
  partitions: number,
  inner: (v: Value) => Value,
): SeqOp[] | undefined {
  const seqOf = new Map<PartitionOp, SeqOp>();
  for (const seq of sequences) for (const s of seq) seqOf.set(s.op, s);
  const succ = new Map<SeqOp, SeqOp[]>();
  const indeg = new Map<SeqOp, number>();
  const node = (op: PartitionOp): SeqOp => {
    const s = seqOf.get(op)!;
    if (!succ.has(s)) {
      succ.set(s, []);
      indeg.set(s, 0);
    }
    return s;
  };
  const edge = (a: PartitionOp, b: PartitionOp): void => {
    const to = node(b);
    succ.get(node(a))!.push(to);
    indeg.set(to, indeg.get(to)! + 1);
  };
  for (const key of keys) if (!blockEdges(key, inner, node, edge)) return undefined;
  for (const seq of sequences) {
    let prev: SeqOp | undefined;
    for (const s of seq) {
      if (!succ.has(s)) {
        if (s.op.type !== 'info') return undefined; // an op the blocks do not place
        continue;
      }
      if (prev !== undefined) edge(prev.op, s.op);
      prev = s;
    }
  }
  const ready = new MinHeap<SeqOp>((s) => s.op.call);
  for (const [s, d] of indeg) if (d === 0) ready.push(s);
  const order: SeqOp[] = [];
  for (let s = ready.pop(); s !== undefined; s = ready.pop()) {
    order.push(s);
    for (const t of succ.get(s)!) {
      const d = indeg.get(t)! - 1;
      indeg.set(t, d);
      if (d === 0) ready.push(t);
    }
  }
  if (order.length !== succ.size) return undefined;
  return replays(model, order, partitions) ? order : undefined;
}

/** Adds one key's block edges; false when a failed comparison has no place (the value is always there). */
function blockEdges(
  key: KeyBlocks,
  inner: (v: Value) => Value,
  node: (op: PartitionOp) => SeqOp,
  edge: (a: PartitionOp, b: PartitionOp) => void,
): boolean {
  const { blocks } = key;
  const at = new Map<string, number>();
  blocks.forEach((b, i) => {
    at.set(b.value, i);
    if (b.head !== undefined) node(b.head);
    for (const r of b.readers) {
      node(r);
      if (b.head !== undefined) edge(b.head, r);
    }
    const next = blocks[i + 1]?.head;
    if (next === undefined) return;
    if (b.head !== undefined) edge(b.head, next);
    for (const r of b.readers) edge(r, next);
  });
  for (const f of key.observations) {
    node(f);
    const j = at.get(valueKey((inner(f.model.value) as Value[])[0]!));
    if (j === undefined) continue; // a value never written: the comparison fails anywhere
    const head = blocks[j]!.head;
    const after = blocks[j + 1]?.head;
    if (head !== undefined && (after === undefined || f.call < head.call)) edge(f, head);
    else if (after !== undefined) edge(after, f);
    else return false;
  }
  return true;
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
