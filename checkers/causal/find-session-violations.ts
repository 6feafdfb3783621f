import type { Anomaly } from '../../src/core/checker.js';
import type { CausalGraph } from './causal-graph.js';
import { lastWriteUpTo } from './causal-order.js';
import { describeNode } from './describe-node.js';

/** The four session guarantees of Terry et al. (1994), as anomaly ids. */
export type SessionGuarantee =
  'read-your-writes' | 'monotonic-reads' | 'monotonic-writes' | 'writes-follow-reads';

/**
 * Finds reads that break one session guarantee. Each guarantee gives a read a set of "floor"
 * writes on its key that it must not go behind; a read goes behind a floor f when it returns the
 * initial value, or a write of f's process that came before f in that process. (Writes of
 * different processes are not ordered by any session guarantee, so only these are certain.)
 * Floors of a read r by process s on key x:
 * - read-your-writes: s's last write to x before r.
 * - monotonic-reads: the writes to x that s's earlier reads returned.
 * - monotonic-writes: for each write w2 that s read earlier (any key), the last write to x of
 *   w2's process before w2.
 * - writes-follow-reads: for each write w2 that s read earlier (any key), the writes to x that
 *   w2's process had read before issuing w2.
 * Each runs in O(n * sessions * log n).
 */
export function findSessionViolations(g: CausalGraph, guarantee: SessionGuarantee, limit = 20): Anomaly[] {
  const out: Anomaly[] = [];
  let count = 0;
  const behind = (w: number, f: number): boolean =>
    w < 0 || (g.session[w] === g.session[f] && g.pos[w]! < g.pos[f]!);
  const report = (r: number, f: number, why: string): void => {
    count++;
    if (out.length >= limit) return;
    const w = g.src[r]!;
    const got = w < 0 ? 'the initial value' : `the value of ${describeNode(g, w)}`;
    out.push({
      id: guarantee,
      message: `${describeNode(g, r)} returned ${got}, older than ${describeNode(g, f)}, which ${why}`,
      ops: w < 0 ? [g.opIndex[f]!, g.opIndex[r]!] : [g.opIndex[w]!, g.opIndex[f]!, g.opIndex[r]!],
    });
  };
  const wfr = guarantee === 'writes-follow-reads' ? readIndex(g) : undefined;
  for (let s = 0; s < g.sessions; s++) {
    const ownLast = new Map<number, number>();
    const readFloor = new Map<number, Map<number, number>>();
    const seen = new Map<number, number>(); // writer session -> highest position of its writes read
    for (const v of g.sessionNodes[s]!) {
      const x = g.key[v]!;
      if (g.isWrite[v]) {
        ownLast.set(x, v);
        continue;
      }
      if (g.thin[v]) continue;
      const w = g.src[v]!;
      switch (guarantee) {
        case 'read-your-writes': {
          const f = ownLast.get(x);
          if (f !== undefined && f !== w && behind(w, f)) report(v, f, 'the same process wrote earlier');
          break;
        }
        case 'monotonic-reads': {
          const floors = readFloor.get(x);
          if (floors !== undefined) {
            const f = w < 0 ? floors.values().next().value : floors.get(g.session[w]!);
            if (f !== undefined && f !== w && behind(w, f))
              report(v, f, 'an earlier read of the same process returned');
          }
          if (w >= 0) {
            let m = readFloor.get(x);
            if (m === undefined) readFloor.set(x, (m = new Map()));
            const q = g.session[w]!;
            const old = m.get(q);
            if (old === undefined || g.pos[old]! < g.pos[w]!) m.set(q, w);
          }
          break;
        }
        case 'monotonic-writes': {
          for (const [q, k] of seen) {
            const f = lastWriteUpTo(g, x, q, k - 1);
            if (f >= 0 && f !== w && behind(w, f)) {
              report(v, f, 'its process wrote before a write this process had already read');
              break;
            }
          }
          break;
        }
        case 'writes-follow-reads': {
          for (const [q, k] of seen) {
            const f = wfr!(q, x, w, k);
            if (f >= 0) {
              report(
                v,
                f,
                'was read by another process before it issued a write this process had already read',
              );
              break;
            }
          }
          break;
        }
      }
      if (w >= 0) {
        const q = g.session[w]!;
        if ((seen.get(q) ?? 0) < g.pos[w]!) seen.set(q, g.pos[w]!);
      }
    }
  }
  if (count > out.length && out.length > 0) out[out.length - 1]!['more'] = count - out.length;
  return out;
}

/**
 * For writes-follow-reads: `find(q, x, w, k)` returns a write f to key x that a read of session q
 * at a position before k returned and that w is behind, or -1. Per (q, x, writer session) the
 * reads are kept in order with a running maximum of the position read.
 */
function readIndex(g: CausalGraph): (q: number, x: number, w: number, k: number) => number {
  // Numeric composite keys (session, key, writer session): cheaper than strings.
  const K = g.keys.length;
  const S = g.sessions;
  const byTriple = new Map<number, { readPos: number[]; bestSrc: number[] }>();
  const firstNonInitial = new Map<number, { readPos: number; src: number }>();
  for (let q = 0; q < g.sessions; q++) {
    for (const v of g.sessionNodes[q]!) {
      if (g.isWrite[v] || g.thin[v] || g.src[v]! < 0) continue;
      const src = g.src[v]!;
      const x = g.key[v]!;
      if (!firstNonInitial.has(q * K + x)) firstNonInitial.set(q * K + x, { readPos: g.pos[v]!, src });
      const id = (q * K + x) * S + g.session[src]!;
      let t = byTriple.get(id);
      if (t === undefined) byTriple.set(id, (t = { readPos: [], bestSrc: [] }));
      const prev = t.bestSrc.at(-1);
      t.readPos.push(g.pos[v]!);
      t.bestSrc.push(prev !== undefined && g.pos[prev]! > g.pos[src]! ? prev : src);
    }
  }
  return (q, x, w, k) => {
    if (w < 0) {
      const f = firstNonInitial.get(q * K + x);
      return f !== undefined && f.readPos < k ? f.src : -1;
    }
    const t = byTriple.get((q * K + x) * S + g.session[w]!);
    if (t === undefined) return -1;
    let lo = 0;
    let hi = t.readPos.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t.readPos[mid]! < k) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return -1;
    const f = t.bestSrc[lo - 1]!;
    return g.pos[f]! > g.pos[w]! ? f : -1;
  };
}
