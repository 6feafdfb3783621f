import type { Value } from '../../src/core/op.js';
import type { PartitionOp } from '../linearizability/partition-op.js';
import { valueKey } from '../models/value-key.js';

/** One block of a legal order: the op that wrote a value (none for the initial one) and its readers. */
export interface UniqueBlock {
  /** valueKey of the block's value. */
  value: string;
  head?: PartitionOp;
  /** Ok reads of the value (an ok cas that read it heads the next block). */
  readers: PartitionOp[];
  /** The segment (cas chain) the block belongs to, and its place in the chain. */
  segment: number;
  chainIndex: number;
}

/** A maximal cas chain: its blocks in order, and the segments program order puts before it. */
export interface UniqueSegment {
  chain: number[];
  after: number[];
}

/**
 * Verdict of the polynomial construction for one register, or why it does not apply. A valid
 * verdict gives the blocks (block 0 holds the initial value) and segments, which describe every
 * legal order of the ops other than failed comparisons; those (`observations`) are left for the
 * caller to place, since they only narrow the legal orders.
 */
export type UniqueWritesOutcome =
  | { valid: true; blocks: UniqueBlock[]; segments: UniqueSegment[]; observations: PartitionOp[] }
  | { valid: false; message: string; ops: number[] }
  | { applies: false; reason: string };

interface Role {
  op: PartitionOp;
  /** Block (written value) the op belongs to. */
  block: number;
  /** 0: the block's write (head); 1: a read of the block's value. */
  role: 0 | 1;
}

/**
 * Sequential consistency of one register (read, write, cas) whose written values are unique and
 * differ from the initial value, in O(n + v log v). Every read names the write it read, so a legal
 * order is a sequence of blocks: a write followed by the reads of its value (block 0: the initial
 * value and its reads). An ok cas [a b] reads a and writes b, so block b must come right after
 * block a; those chains are glued into segments, which are contiguous in any legal order since
 * every op of another segment needs that segment's value in the register. Then an order exists
 * iff (1) no value is read that is never written, (2) no two cas replace the same value, (3)
 * inside a segment, each process's ops never go back (block, role) and (4) the graph "segment S
 * has an op program-order-before an op of segment T", plus "the initial segment is first", is
 * acyclic. Proof idea: given (1)-(4), list the segments in topological order and, inside each
 * block, the write then the reads grouped by process; each process's ops of one block are
 * contiguous in its program order (otherwise (3) or (4) fails), so the list respects program order.
 * Conversely a legal order induces such a segment order. Ops: `read` / `write` with the value, or
 * `cas` with [old new]; `inner` extracts the register value (for kv, the second element).
 * Failed comparisons (type fail) are left out of the construction: they write nothing and only
 * forbid places, so an invalid verdict without them holds with them.
 */
export function uniqueWritesOrder(
  ops: readonly PartitionOp[],
  initial: Value,
  inner: (v: Value) => Value,
): UniqueWritesOutcome {
  const blockOf = new Map<string, number>([[valueKey(initial), 0]]);
  const heads: (PartitionOp | undefined)[] = [undefined];
  const observations: PartitionOp[] = [];
  const needs = (op: PartitionOp): string | undefined => {
    const v = inner(op.model.value);
    if (op.f === 'read') return valueKey(v);
    return op.f === 'cas' ? valueKey((v as Value[])[0]!) : undefined;
  };
  for (const op of ops) {
    if (op.f !== 'read' && op.f !== 'write' && op.f !== 'cas') {
      return { applies: false, reason: `op ${op.f} is not read, write or cas` };
    }
    if (op.type === 'fail') observations.push(op);
  }
  const kept = mustTakeEffect(ops, needs, inner);
  for (const op of kept) {
    const w = written(op, inner);
    if (w === undefined) continue;
    const k = valueKey(w);
    if (blockOf.has(k)) {
      return {
        applies: false,
        reason:
          k === valueKey(initial)
            ? `value ${k} is the initial value and is written`
            : `value ${k} is written twice`,
      };
    }
    blockOf.set(k, heads.length);
    heads.push(op);
  }
  const roles = new Map<PartitionOp, Role>();
  const nextBlock = new Int32Array(heads.length).fill(-1);
  const prevBlock = new Int32Array(heads.length).fill(-1);
  for (const op of kept) {
    const v = inner(op.model.value);
    if (op.f === 'write') {
      roles.set(op, { op, block: blockOf.get(valueKey(v))!, role: 0 });
      continue;
    }
    const readValue = op.f === 'cas' ? (v as Value[])[0]! : v;
    const from = blockOf.get(valueKey(readValue));
    if (from === undefined) {
      return {
        valid: false,
        message: `op #${op.index} (${op.f}) needs the register to hold ${valueKey(readValue)}, which no op wrote`,
        ops: [op.index],
      };
    }
    if (op.f === 'read') {
      roles.set(op, { op, block: from, role: 1 });
      continue;
    }
    const to = blockOf.get(valueKey((v as Value[])[1]!))!;
    if (nextBlock[from] !== -1) {
      const other = heads[nextBlock[from]!]!;
      return {
        valid: false,
        message: `two cas ops (#${other.index} and #${op.index}) both replaced ${valueKey(readValue)}; only one can`,
        ops: [other.index, op.index],
      };
    }
    nextBlock[from] = to;
    prevBlock[to] = from;
    roles.set(op, { op, block: to, role: 0 });
  }
  // Segments: maximal cas chains.
  const seg = new Int32Array(heads.length).fill(-1);
  const idx = new Int32Array(heads.length);
  let segments = 0;
  for (let b = 0; b < heads.length; b++) {
    if (prevBlock[b] !== -1) continue;
    for (let c = b, i = 0; c !== -1; c = nextBlock[c]!, i++) {
      seg[c] = segments;
      idx[c] = i;
    }
    segments++;
  }
  for (let b = 0; b < heads.length; b++) {
    if (seg[b] === -1) {
      return {
        valid: false,
        message: `cas op #${heads[b]!.index} is part of a cycle of cas ops that never starts from a written value`,
        ops: [heads[b]!.index],
      };
    }
  }
  // Program-order constraints.
  const byProcess = new Map<number | string, Role[]>();
  for (const r of roles.values()) {
    let list = byProcess.get(r.op.process);
    if (list === undefined) byProcess.set(r.op.process, (list = []));
    list.push(r);
  }
  const edges = new Map<number, Map<number, [PartitionOp, PartitionOp]>>();
  for (const list of byProcess.values()) {
    list.sort((a, b) => a.op.call - b.op.call);
    for (let i = 0; i + 1 < list.length; i++) {
      const a = list[i]!;
      const b = list[i + 1]!;
      const sa = seg[a.block]!;
      const sb = seg[b.block]!;
      if (sa !== sb) {
        let m = edges.get(sa);
        if (m === undefined) edges.set(sa, (m = new Map()));
        if (!m.has(sb)) m.set(sb, [a.op, b.op]);
        continue;
      }
      const ia = idx[a.block]!;
      const ib = idx[b.block]!;
      if (ia < ib || (ia === ib && (a.role < b.role || (a.role === 1 && b.role === 1)))) continue;
      return {
        valid: false,
        message:
          `process ${String(a.op.process)} ran op #${a.op.index} (${a.op.f}) before op #${b.op.index} (${b.op.f}), ` +
          `but the values they ${a.block === b.block ? 'read and write' : 'depend on'} force the opposite order`,
        ops: [a.op.index, b.op.index],
      };
    }
  }
  const initSeg = seg[0]!;
  // Kahn on segments, with an implicit edge from the initial segment to every other one.
  const preds: { from: number; pair?: [PartitionOp, PartitionOp] }[][] = Array.from(
    { length: segments },
    () => [],
  );
  for (const [from, m] of edges) for (const [to, pair] of m) preds[to]!.push({ from, pair });
  for (let t = 0; t < segments; t++) if (t !== initSeg) preds[t]!.push({ from: initSeg });
  const indeg = new Int32Array(segments);
  const succs: number[][] = Array.from({ length: segments }, () => []);
  preds.forEach((list, to) => {
    indeg[to] = list.length;
    for (const e of list) succs[e.from]!.push(to);
  });
  const queue: number[] = [];
  for (let t = 0; t < segments; t++) if (indeg[t] === 0) queue.push(t);
  let done = 0;
  while (queue.length > 0) {
    const t = queue.pop()!;
    done++;
    for (const u of succs[t]!) if (--indeg[u]! === 0) queue.push(u);
  }
  if (done === segments) {
    const values = [...blockOf.keys()]; // in block order: the initial value, then each write's
    const blocks: UniqueBlock[] = heads.map((head, b) => ({
      value: values[b]!,
      ...(head === undefined ? {} : { head }),
      readers: [],
      segment: seg[b]!,
      chainIndex: idx[b]!,
    }));
    for (const r of roles.values()) if (r.role === 1) blocks[r.block]!.readers.push(r.op);
    const chains: number[][] = Array.from({ length: segments }, () => []);
    for (let c = 0; c < heads.length; c++) chains[seg[c]!]![idx[c]!] = c;
    const segmentList = chains.map((chain, t) => ({ chain, after: preds[t]!.map((e) => e.from) }));
    return { valid: true, blocks, segments: segmentList, observations };
  }
  // Every segment left has a predecessor left: walk back until one repeats.
  let t = indeg.findIndex((d) => d > 0);
  const seenAt = new Map<number, number>();
  const trail: { from: number; pair?: [PartitionOp, PartitionOp] }[] = [];
  while (!seenAt.has(t)) {
    seenAt.set(t, trail.length);
    const e = preds[t]!.find((x) => indeg[x.from]! > 0)!;
    trail.push(e);
    t = e.from;
  }
  const cycle = trail.slice(seenAt.get(t)!).reverse();
  const explained = cycle
    .map((e) =>
      e.pair === undefined
        ? 'the initial value comes before every write'
        : `process ${String(e.pair[0].process)} ran op #${e.pair[0].index} before op #${e.pair[1].index}`,
    )
    .join('; ');
  return {
    valid: false,
    message:
      `no order of the writes fits every process's program order: ${explained} ` +
      '(each op must sit between the write whose value it needs and the next write)',
    ops: cycle.flatMap((e) => (e.pair === undefined ? [] : [e.pair[0].index, e.pair[1].index])),
  };
}

/** The value an op writes: a write's value or a cas's new value. */
/**
 * The ops every legal order holds: every ok op, and each crashed op whose written value an op of
 * that set needs (transitively). A crashed op may take effect or not; with unique values, when an
 * op that must take effect needs value v, the one op writing v must take effect too. Nothing else
 * forces a crashed op: a crashed op that observes v may itself never happen, so it must not keep
 * v's crashed writer (counting it once made two crashed-or-ok cas ops "both replace" one value, a
 * false invalid). Leaving an unforced crashed op out is always allowed, so a legal order of this
 * set is a legal order of the history, and every legal order of the history contains this set.
 */
function mustTakeEffect(
  ops: readonly PartitionOp[],
  needs: (op: PartitionOp) => string | undefined,
  inner: (v: Value) => Value,
): PartitionOp[] {
  const crashedWriters = new Map<string, PartitionOp[]>();
  for (const op of ops) {
    if (op.type !== 'info') continue;
    const w = written(op, inner);
    if (w === undefined) continue;
    const k = valueKey(w);
    const list = crashedWriters.get(k);
    if (list === undefined) crashedWriters.set(k, [op]);
    else list.push(op);
  }
  const keep = new Set<PartitionOp>(ops.filter((op) => op.type === 'ok'));
  const stack = [...keep];
  for (let op = stack.pop(); op !== undefined; op = stack.pop()) {
    const k = needs(op);
    for (const w of (k === undefined ? undefined : crashedWriters.get(k)) ?? []) {
      if (keep.has(w)) continue;
      keep.add(w);
      stack.push(w);
    }
  }
  return ops.filter((op) => keep.has(op));
}

function written(op: PartitionOp, inner: (v: Value) => Value): Value | undefined {
  const v = inner(op.model.value);
  if (op.f === 'write') return v;
  if (op.f === 'cas') return (v as Value[])[1]!;
  return undefined;
}
