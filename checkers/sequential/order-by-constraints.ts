import type { Value } from '../../src/core/op.js';
import { valueKey } from '../models/value-key.js';
import type { Insertion } from './insert-failed-comparisons.js';
import { keyWrites, type KeyWrites } from './key-writes.js';
import type { SeqOp } from './process-sequences.js';

/** A directed graph on op ids, with the cycle test the side choices need. */
class ConstraintGraph {
  readonly succ: number[][];
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(readonly size: number) {
    this.succ = Array.from({ length: size }, () => []);
    this.seen = new Int32Array(size);
  }

  edge(a: number, b: number): void {
    this.succ[a]!.push(b);
  }

  /** Whether `to` is reachable from `from`. */
  reaches(from: number, to: number): boolean {
    const stamp = ++this.stamp;
    const stack = [from];
    this.seen[from] = stamp;
    for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
      if (v === to) return true;
      for (const w of this.succ[v]!) {
        if (this.seen[w] === stamp) continue;
        this.seen[w] = stamp;
        stack.push(w);
      }
    }
    return false;
  }

  /** A topological order of all ids, or undefined when the graph has a cycle. */
  topological(): number[] | undefined {
    const indeg = new Int32Array(this.size);
    for (const list of this.succ) for (const w of list) indeg[w]!++;
    const ready: number[] = [];
    for (let v = this.size - 1; v >= 0; v--) if (indeg[v] === 0) ready.push(v);
    const out: number[] = [];
    for (let v = ready.pop(); v !== undefined; v = ready.pop()) {
      out.push(v);
      for (const w of this.succ[v]!) if (--indeg[w]! === 0) ready.push(w);
    }
    return out.length === this.size ? out : undefined;
  }
}

/**
 * Reorders a legal order of every op but the failed comparisons so that the misfits of an
 * insertion fit too, keeping each key's write order. Given that write order (co), a total order
 * of the ops is legal iff it extends these constraints, each of which says "holds the value it
 * needs": program order; co; the write of a value before each read of it, and each read before
 * the next write of its key; and for a failed comparison of value a, either before a's write or
 * after the next write (values are unique, so elsewhere the key holds another value). Every
 * linear extension is then legal, because each op sits inside the span of the value it needs
 * (or outside it, for a failed comparison). The inserted failed comparisons first keep the side
 * of a's span their slot gives them (all consistent with one order, so acyclic); then each misfit
 * gets the side "after", else "before", that closes no cycle. undefined when some misfit has
 * neither: that write order fails, another might not, so nothing follows.
 */
export function orderByConstraints(
  order: readonly SeqOp[],
  sequences: readonly SeqOp[][],
  insertion: Insertion,
  initial: Value,
  inner: (v: Value) => Value,
): { order: SeqOp[] } | { stuck: SeqOp[] } {
  const nodes: SeqOp[] = [...order, ...insertion.slots.keys(), ...insertion.misfits];
  const id = new Map<SeqOp, number>();
  nodes.forEach((s, i) => id.set(s, i));
  const g = new ConstraintGraph(nodes.length);
  for (const seq of sequences) {
    let prev = -1;
    for (const s of seq) {
      const v = id.get(s);
      if (v === undefined) continue;
      if (prev >= 0) g.edge(prev, v);
      prev = v;
    }
  }
  const writes = keyWrites(order, inner);
  const blockOf = writes.map((k) => new Map(k.values.map((v, j) => [v, j])));
  const initialKey = valueKey(initial);
  /** The index of the write whose value s needs (-1: the initial value; undefined: nobody's). */
  const needed = (s: SeqOp, v: Value): number | undefined => {
    const key = valueKey(v);
    return blockOf[s.part]?.get(key) ?? (key === initialKey ? -1 : undefined);
  };
  const write = (k: KeyWrites | undefined, j: number): number | undefined =>
    k === undefined || j < 0 || j >= k.ops.length ? undefined : id.get(k.ops[j]!);
  for (const k of writes)
    if (k !== undefined)
      for (let j = 0; j + 1 < k.ops.length; j++) g.edge(id.get(k.ops[j]!)!, id.get(k.ops[j + 1]!)!);
  for (const s of order) {
    if (s.op.f !== 'read') continue;
    const j = needed(s, inner(s.op.model.value));
    if (j === undefined) return { stuck: [] };
    const r = id.get(s)!;
    const head = write(writes[s.part], j);
    const end = write(writes[s.part], j + 1);
    if (head !== undefined) g.edge(head, r);
    if (end !== undefined) g.edge(r, end);
  }
  const sides = (s: SeqOp): { j: number; head?: number; end?: number } | undefined => {
    const j = needed(s, (inner(s.op.model.value) as Value[])[0]!);
    if (j === undefined) return undefined;
    const head = write(writes[s.part], j);
    const end = write(writes[s.part], j + 1);
    return { j, ...(head === undefined ? {} : { head }), ...(end === undefined ? {} : { end }) };
  };
  const place = (s: SeqOp, preferBefore: boolean): boolean => {
    const side = sides(s);
    if (side === undefined) return true;
    const f = id.get(s)!;
    const before = (): boolean => {
      if (side.head === undefined || g.reaches(side.head, f)) return false;
      g.edge(f, side.head);
      return true;
    };
    const after = (): boolean => {
      if (side.end === undefined || g.reaches(f, side.end)) return false;
      g.edge(side.end, f);
      return true;
    };
    return preferBefore ? before() || after() : after() || before();
  };
  const stuck: SeqOp[] = [];
  // First the sides the order gives: failed comparisons it holds itself (gated ones, slot =
  // position) and the inserted ones. Then the misfits, so that only they can get stuck when the
  // order is legal (their constraints would otherwise crowd out the others').
  const held = order.flatMap((s, i): [SeqOp, number][] => (s.op.type === 'fail' ? [[s, i]] : []));
  for (const [s, slot] of [...held, ...insertion.slots]) {
    const side = sides(s);
    if (!place(s, side?.head !== undefined && slot <= writes[s.part]!.at[side.j]!)) stuck.push(s);
  }
  for (const s of insertion.misfits) if (!place(s, false)) stuck.push(s);
  if (stuck.length > 0) return { stuck };
  const sorted = g.topological();
  return sorted === undefined ? { stuck: [] } : { order: sorted.map((v) => nodes[v]!) };
}
