// Brute-force oracles for tiny read/write histories, straight from the definitions: enumerate
// serialisations (CC, CM) or arbitration orders (CCv) instead of looking for bad patterns.
import type { CausalConsistency } from '../../../../checkers/causal/check-causal.js';

/** A tiny differentiated history: src is the index of the write read, -1 initial, -2 thin air. */
export interface TinyOp {
  p: number;
  i: number;
  key: string;
  write: boolean;
  value: number | null;
  src: number;
}

function closure(ops: TinyOp[]): boolean[][] {
  const n = ops.length;
  const co = ops.map(() => new Array<boolean>(n).fill(false));
  ops.forEach((a, x) =>
    ops.forEach((b, y) => {
      if (a.p === b.p && a.i < b.i) co[x]![y] = true;
      if (!b.write && b.src === x) co[x]![y] = true;
    }),
  );
  for (let k = 0; k < n; k++)
    for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) if (co[x]![k] && co[k]![y]) co[x]![y] = true;
  return co;
}

/** Is there an order of `members` extending co in which every read in `checked` sees its source? */
function serialisable(ops: TinyOp[], co: boolean[][], members: number[], checked: Set<number>): boolean {
  const failed = new Set<string>();
  const last = new Map<string, number>();
  const go = (placed: Set<number>): boolean => {
    if (placed.size === members.length) return true;
    const memo = [...placed].sort().join(',') + '|' + [...last].map(([k, v]) => `${k}${v}`).join(',');
    if (failed.has(memo)) return false;
    for (const m of members) {
      if (placed.has(m)) continue;
      if (members.some((o) => !placed.has(o) && o !== m && co[o]![m])) continue;
      const op = ops[m]!;
      if (!op.write && checked.has(m) && (last.get(op.key) ?? -1) !== op.src) continue;
      const before = last.get(op.key);
      if (op.write) last.set(op.key, m);
      placed.add(m);
      if (go(placed)) return true;
      placed.delete(m);
      if (before === undefined) last.delete(op.key);
      else last.set(op.key, before);
    }
    failed.add(memo);
    return false;
  };
  return go(new Set());
}

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) =>
    permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}

/** The verdict by brute force. */
export function oracle(ops: TinyOp[], consistency: CausalConsistency): boolean {
  if (ops.some((o) => !o.write && o.src === -2)) return false;
  const n = ops.length;
  const idx = ops.map((_, i) => i);
  const co = closure(ops);
  const before = (a: number, b: number): boolean => ops[a]!.p === ops[b]!.p && ops[a]!.i < ops[b]!.i;
  const behind = (w: number, f: number): boolean =>
    w < 0 || (ops[w]!.p === ops[f]!.p && ops[w]!.i < ops[f]!.i);
  const reads = idx.filter((r) => !ops[r]!.write);
  switch (consistency) {
    case 'causal':
    case 'causal-convergence':
    case 'causal-memory': {
      if (idx.some((a) => co[a]![a])) return false;
      const past = (o: number): number[] => idx.filter((a) => co[a]![o] || a === o);
      if (consistency === 'causal') return reads.every((r) => serialisable(ops, co, past(r), new Set([r])));
      if (consistency === 'causal-memory') {
        const procs = [...new Set(ops.map((o) => o.p))];
        return procs.every((p) => {
          const mine = idx.filter((o) => ops[o]!.p === p);
          const members = [...new Set(mine.flatMap(past))];
          return serialisable(ops, co, members, new Set(mine.filter((o) => !ops[o]!.write)));
        });
      }
      const writes = idx.filter((w) => ops[w]!.write);
      return permutations(writes).some((arb) => {
        const rank = new Map(arb.map((w, i) => [w, i]));
        if (writes.some((a) => writes.some((b) => co[a]![b] && rank.get(a)! > rank.get(b)!))) return false;
        return reads.every((r) => {
          const seen = writes.filter((w) => co[w]![r] && ops[w]!.key === ops[r]!.key);
          if (seen.length === 0) return ops[r]!.src === -1;
          const top = seen.reduce((a, b) => (rank.get(a)! > rank.get(b)! ? a : b));
          return top === ops[r]!.src;
        });
      });
    }
    case 'read-your-writes':
      return reads.every((r) =>
        idx.every(
          (f) =>
            !(
              ops[f]!.write &&
              ops[f]!.key === ops[r]!.key &&
              before(f, r) &&
              f !== ops[r]!.src &&
              behind(ops[r]!.src, f)
            ),
        ),
      );
    case 'monotonic-reads':
      return reads.every((r2) =>
        reads.every((r1) => {
          const f = ops[r1]!.src;
          return !(
            before(r1, r2) &&
            ops[r1]!.key === ops[r2]!.key &&
            f >= 0 &&
            f !== ops[r2]!.src &&
            behind(ops[r2]!.src, f)
          );
        }),
      );
    case 'monotonic-writes':
    case 'writes-follow-reads':
      return reads.every((r2) =>
        reads.every((r1) => {
          const w2 = ops[r1]!.src;
          if (!before(r1, r2) || w2 < 0) return true;
          const floors =
            consistency === 'monotonic-writes'
              ? idx.filter((f) => ops[f]!.write && before(f, w2))
              : reads.filter((q) => before(q, w2) && ops[q]!.src >= 0).map((q) => ops[q]!.src);
          return floors.every(
            (f) => !(ops[f]!.key === ops[r2]!.key && f !== ops[r2]!.src && behind(ops[r2]!.src, f)),
          );
        }),
      );
  }
  return n >= 0;
}
