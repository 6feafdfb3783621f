// The vector-clock pass against a brute-force oracle of the Biswas & Enea axioms: enumerate every
// total commit order extending session order and reads-from, and test the level's axiom directly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWeakIsolation, type WeakLevel } from '../../../../checkers/transactional/index.js';
import type { History, Op, Value } from '../../../../src/core/op.js';

interface Txn {
  session: number;
  mops: [string, number, Value][];
}

const program = fc.array(
  fc.array(fc.record({ read: fc.boolean(), key: fc.nat(1), pick: fc.nat(20) }), {
    minLength: 1,
    maxLength: 3,
  }),
  { minLength: 1, maxLength: 5 },
);

/** Txns run one at a time on 2 processes; a read returns any version written so far (or nil). */
function weakTxns(prog: { read: boolean; key: number; pick: number }[][]): Txn[] {
  const versions = new Map<number, number[]>();
  let next = 0;
  return prog.map((spec, i) => {
    const own = new Map<number, number>();
    const seen = new Map<number, Value>();
    const mops = spec.map(({ read, key, pick }): [string, number, Value] => {
      if (!read) {
        own.set(key, ++next);
        return ['w', key, next];
      }
      if (own.has(key)) return ['r', key, own.get(key)!];
      if (!seen.has(key)) {
        const vs = [null, ...(versions.get(key) ?? [])];
        seen.set(key, vs[pick % vs.length]!);
      }
      return ['r', key, seen.get(key)!];
    });
    for (const [k, v] of own) versions.set(k, [...(versions.get(k) ?? []), v]);
    return { session: i % 2, mops };
  });
}

function toHistory(txns: Txn[]): History {
  const out: Op[] = [];
  txns.forEach(({ session, mops }) => {
    const inv = mops.map(([f, k, v]) => [f, k, f === 'r' ? null : v]);
    out.push({ index: out.length, type: 'invoke', process: session, f: 'txn', value: inv, time: out.length });
    out.push({ index: out.length, type: 'ok', process: session, f: 'txn', value: mops, time: out.length });
  });
  return out;
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]),
  );
}

/** Does some commit order satisfy the level's axiom (Biswas & Enea 2019)? */
function oracle(txns: Txn[], level: WeakLevel): boolean {
  const n = txns.length;
  const writes = (t: number, k: number) => txns[t]!.mops.some(([f, kk]) => f === 'w' && kk === k);
  const writerOf = (k: number, v: Value) =>
    txns.findIndex((t) => t.mops.some(([f, kk, vv]) => f === 'w' && kk === k && vv === v));
  // External reads: [reader, key, writer (-1 initial), mop position].
  const reads: [number, number, number, number][] = [];
  txns.forEach((t, i) => {
    const touched = new Set<number>();
    t.mops.forEach(([f, k, v], j) => {
      if (f === 'r' && !touched.has(k)) reads.push([i, k, v === null ? -1 : writerOf(k, v), j]);
      touched.add(k);
    });
  });
  const so = (a: number, b: number) => a < b && txns[a]!.session === txns[b]!.session;
  const wr = (a: number, b: number) => a !== b && reads.some(([r, , w]) => r === b && w === a);
  const hb = Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => so(a, b) || wr(a, b)));
  for (let k = 0; k < n; k++)
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (hb[a]![k] && hb[k]![b]) hb[a]![b] = true;
  const visible = (t2: number, t3: number, at: number): boolean => {
    if (t2 === t3) return false;
    if (level === 'causal') return hb[t2]![t3]!;
    if (so(t2, t3)) return true;
    return reads.some(([r, , w, j]) => r === t3 && w === t2 && (level === 'read-atomic' || j < at));
  };
  return permutations(n).some((order) => {
    const at = new Array<number>(n);
    order.forEach((t, i) => (at[t] = i));
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) if ((so(a, b) || wr(a, b)) && at[a]! > at[b]!) return false;
    return reads.every(([t3, k, t1, j]) => {
      for (let t2 = 0; t2 < n; t2++) {
        if (t2 === t1 || !writes(t2, k) || !visible(t2, t3, j)) continue;
        if (t1 < 0 || at[t2]! > at[t1]!) return false;
      }
      return true;
    });
  });
}

describe.each(['read-committed', 'read-atomic', 'causal'] as const)(
  '%s: vector clocks vs brute force',
  (level) => {
    it('agree on every small history', () => {
      let violations = 0;
      fc.assert(
        fc.property(program, (prog) => {
          const txns = weakTxns(prog);
          const expected = oracle(txns, level);
          if (!expected) violations++;
          const r = checkWeakIsolation(toHistory(txns), { workload: 'rw-register', level });
          expect(r.valid, JSON.stringify({ txns, anomalies: r.anomalies })).toBe(expected);
        }),
        { numRuns: 300 },
      );
      expect(violations).toBeGreaterThan(5);
    });
  },
);
