import type { Value } from '../../src/core/op.js';
import { valueKey } from '../models/value-key.js';
import { keyWrites, writtenValue } from './key-writes.js';
import type { SeqOp } from './process-sequences.js';

/** Moves offered for one stuck failed comparison (the best ranked first). */
export const RELOCATION_CANDIDATES = 6;

/**
 * Candidate write orders for a failed comparison f that fits no side of its value a's span. In
 * each, one write of f's key that nobody observes (no read or cas needs its value: an ok write the
 * order holds, or a crashed write it leaves out) is moved into a's span: to the first slot after
 * the last read of a and after its own process's previous op, and before the write that ends the
 * span. The key then leaves a earlier, so f may follow it. The later unobserved writes of its
 * process that the order placed before that slot move along. Not offered when a's span ends with
 * a cas of a (it needs a until it runs). Moves that pass no other op of the process come first,
 * then those whose write was invoked nearest f.
 *
 * The result is a sequence of ops, not a legal order: only its write order per key counts. The
 * caller rebuilds the order from constraints (orderByConstraints) and replays it whole, so a bad
 * move costs time, never a wrong witness.
 */
export function relocateFreeWrites(
  order: readonly SeqOp[],
  sequences: readonly SeqOp[][],
  f: SeqOp,
  initial: Value,
  inner: (v: Value) => Value,
): SeqOp[][] {
  const key = f.part;
  const expected = valueKey((inner(f.op.model.value) as Value[])[0]!);
  const writes = keyWrites(order, inner)[key];
  const j = writes?.values.indexOf(expected) ?? -1;
  if (j < 0 && expected !== valueKey(initial)) return [];
  const end = writes?.at[j + 1] ?? order.length;
  if (end < order.length && order[end]!.op.f === 'cas') return [];
  const observed = observedValues(order, inner);
  const unobserved = (s: SeqOp): boolean =>
    s.op.f === 'write' && s.op.type !== 'fail' && !observed[s.part]?.has(valueKey(inner(s.op.model.value)));
  const fixed = new Set([writes?.ops[j], writes?.ops[j + 1]]);
  const position = new Map<SeqOp, number>();
  order.forEach((s, i) => position.set(s, i));
  const from = lastUse(order, key, writes?.at[j] ?? -1, end, inner) + 1;
  const moves: { ops: SeqOp[]; slot: number; rank: number }[] = [];
  for (const seq of sequences) {
    let last = -1;
    for (const [i, w] of seq.entries()) {
      const at = position.get(w);
      if (w.part === key && unobserved(w) && !fixed.has(w) && (at !== undefined || w.op.type === 'info')) {
        const move = moveFor(seq, i, Math.max(from, last + 1), position, unobserved);
        // Preferred: moves that keep the process's order; then by invocation near f's.
        if (move.slot <= end)
          moves.push({ ...move, rank: (move.fits ? 0 : 1e12) + Math.abs(w.op.call - f.op.call) });
      }
      if (at !== undefined) last = at;
    }
  }
  moves.sort((x, y) => x.rank - y.rank);
  return moves.slice(0, RELOCATION_CANDIDATES).map(({ ops, slot }) => {
    const moved = new Set(ops);
    const out: SeqOp[] = [];
    for (let i = 0; i <= order.length; i++) {
      if (i === slot) out.push(...ops);
      if (i < order.length && !moved.has(order[i]!)) out.push(order[i]!);
    }
    return out;
  });
}

/**
 * Moving seq[i] to `slot` takes along the later ops of its process that the order placed before
 * the slot when they are unobserved writes too (`fits`: no other op of the process is passed).
 */
function moveFor(
  seq: readonly SeqOp[],
  i: number,
  slot: number,
  position: ReadonlyMap<SeqOp, number>,
  unobserved: (s: SeqOp) => boolean,
): { ops: SeqOp[]; slot: number; fits: boolean } {
  const ops = [seq[i]!];
  let fits = true;
  for (const s of seq.slice(i + 1)) {
    const at = position.get(s);
    if (at === undefined || at >= slot) continue;
    if (unobserved(s)) ops.push(s);
    else fits = false;
  }
  return { ops, slot, fits };
}

/** The position of the last op of `key` in (head, end) of the order (head when none). */
function lastUse(
  order: readonly SeqOp[],
  key: number,
  head: number,
  end: number,
  inner: (v: Value) => Value,
): number {
  for (let i = end - 1; i > head; i--) {
    const s = order[i]!;
    if (s.part === key && s.op.type !== 'fail' && writtenValue(s, inner) === undefined) return i;
  }
  return head;
}

/** The values of each key that an op of the order reads or a cas of it expects. */
function observedValues(order: readonly SeqOp[], inner: (v: Value) => Value): Set<string>[] {
  const out: Set<string>[] = [];
  for (const s of order) {
    if (s.op.type === 'fail') continue;
    const v = inner(s.op.model.value);
    const seen = (out[s.part] ??= new Set());
    if (s.op.f === 'read') seen.add(valueKey(v));
    else if (s.op.f === 'cas') seen.add(valueKey((v as Value[])[0]!));
  }
  return out;
}
