import type { CsrGraph } from './csr-graph.js';
import type { CycleClass } from './cycle-classes.js';
import { KIND_MASK, orderBits, PROCESS, REALTIME, RW } from './edge-kinds.js';
import { stronglyConnected } from './strongly-connected.js';

/** One witness cycle: edge ids in order; edge i goes from the source of edge i to the source of edge i+1. */
export interface CycleWitness {
  id: string;
  edges: number[];
}

export interface CycleSearch {
  witnesses: CycleWitness[];
  /** Classes whose search the budget cut short (a cycle of that class may exist). */
  incomplete: string[];
  /** Classes searched to the end. */
  complete: string[];
  steps: number;
  /** Nodes in non-trivial strongly connected components of the whole graph. */
  cyclicNodes: number;
}

// State bits of the search automaton.
const RW_COUNT = 3; // 0, 1, 2 = two or more
const LAST_RW = 4;
const ADJ = 8;
const SAW_NEED = 16;
const STATES = 32;

function step(c: CycleClass, s: number, edgeKind: number): number {
  const kind = edgeKind & KIND_MASK;
  const order = orderBits(edgeKind);
  // The dependency kind must be allowed, and so must every order its version order relies on.
  if (!(kind & c.allowed) || order & ~c.allowed & (PROCESS | REALTIME)) return -1;
  if (kind === RW) {
    const count = s & RW_COUNT;
    if (c.rw === 'none' || (c.rw === 'one' && count >= 1) || (c.rw === 'nonadjacent' && s & LAST_RW))
      return -1;
    s = (s & ~RW_COUNT) | Math.min(2, count + 1) | LAST_RW | (s & LAST_RW ? ADJ : 0);
  } else s &= ~LAST_RW;
  if ((kind | order) & c.need) s |= SAW_NEED;
  return s;
}

function accepts(c: CycleClass, s: number): boolean {
  if (c.need && !(s & SAW_NEED)) return false;
  const count = s & RW_COUNT;
  // The cycle closes onto its first edge, which is rw when the class starts from rw.
  const wrapAdj = c.start === RW && (s & LAST_RW) !== 0;
  switch (c.rw) {
    case 'none':
      return count === 0;
    case 'one':
      return count === 1;
    case 'nonadjacent':
      return count === 2 && !wrapAdj && !(s & ADJ);
    case 'adjacent':
      return count === 2 && (wrapAdj || (s & ADJ) !== 0);
  }
}

/**
 * Finds, for each class, a shortest witness cycle through each of its candidate start edges, one per
 * strongly connected component of the class's subgraph and at most `maxPerClass` in all. Candidates
 * come from Tarjan SCCs restricted to the class's edge kinds, so graphs without cycles cost O(V+E).
 * `budget` bounds the edge relaxations of each class's BFS runs; classes it cuts short are listed
 * as incomplete, never as absent. `budget` is per class.
 */
export function findCycles(
  g: CsrGraph,
  classes: readonly CycleClass[],
  budget: number,
  maxPerClass = 4,
): CycleSearch {
  const { n, start, edges, list } = g;
  let all = 0;
  for (const c of classes) all |= c.allowed;
  const top = stronglyConnected(g, all);
  const active = new Uint8Array(n);
  let cyclicNodes = 0;
  for (let v = 0; v < n; v++) {
    if (top.size[top.comp[v]!]! > 1) {
      active[v] = 1;
      cyclicNodes++;
    }
  }
  const out: CycleSearch = { witnesses: [], incomplete: [], complete: [], steps: 0, cyclicNodes };
  if (cyclicNodes === 0) {
    out.complete = classes.map((c) => c.id);
    return out;
  }
  const seen = new Map<number, number>();
  const qNode: number[] = [];
  const qState: number[] = [];
  const qParent: number[] = [];
  const qEdge: number[] = [];
  let exhausted: boolean;
  let spent = 0;
  /**
   * BFS from the head of start edge e0 back to its tail, within e0's component of `comp`. With
   * `rank` (the SCC ids of the subgraph without rw edges, in reverse topological order), a path
   * without rw edges from b to a can only pass through ranks between rank[a] and rank[b].
   */
  const bfs = (c: CycleClass, comp: Int32Array, e0: number, rank?: Int32Array): number[] | undefined => {
    const a = list.from[e0]!;
    const b = list.to[e0]!;
    const s0 = step(c, 0, list.kind[e0]!);
    if (s0 < 0) return undefined;
    seen.clear();
    qNode.length = qState.length = qParent.length = qEdge.length = 0;
    qNode.push(b);
    qState.push(s0);
    qParent.push(-1);
    qEdge.push(e0);
    seen.set(b * STATES + s0, 0);
    const ca = comp[a]!;
    const lowRank = rank ? rank[a]! : 0;
    if (rank && rank[b]! < lowRank) return undefined;
    for (let h = 0; h < qNode.length; h++) {
      const v = qNode[h]!;
      const s = qState[h]!;
      for (let i = start[v]!; i < start[v + 1]!; i++) {
        out.steps++;
        if (++spent > budget) {
          exhausted = true;
          return undefined;
        }
        const e = edges[i]!;
        const w = list.to[e]!;
        if (comp[w] !== ca || (rank && rank[w]! < lowRank)) continue;
        const s2 = step(c, s, list.kind[e]!);
        if (s2 < 0) continue;
        if (w === a) {
          if (!accepts(c, s2)) continue;
          const path = [e];
          for (let j = h; j >= 0; j = qParent[j]!) path.push(qEdge[j]!);
          return path.reverse();
        }
        const key = w * STATES + s2;
        if (seen.has(key)) continue;
        seen.set(key, qNode.length);
        qNode.push(w);
        qState.push(s2);
        qParent.push(h);
        qEdge.push(e);
      }
    }
    return undefined;
  };

  for (const c of classes) {
    // Each class has its own budget, so one hard class cannot starve the others.
    exhausted = false;
    spent = 0;
    const sub = stronglyConnected(g, c.allowed, active);
    const rank = c.rw === 'one' ? stronglyConnected(g, c.allowed & ~RW, active).comp : undefined;
    const done = new Set<number>();
    let found = 0;
    for (let v = 0; v < n && found < maxPerClass && !exhausted; v++) {
      if (!active[v] || sub.size[sub.comp[v]!]! < 2) continue;
      for (let i = start[v]!; i < start[v + 1]! && found < maxPerClass; i++) {
        const e = edges[i]!;
        const cv = sub.comp[v]!;
        if (done.has(cv)) break;
        if (!((list.kind[e]! | orderBits(list.kind[e]!)) & c.start) || sub.comp[list.to[e]!] !== cv) continue;
        const path = bfs(c, sub.comp, e, rank);
        if (exhausted) break;
        if (path) {
          out.witnesses.push({ id: c.id, edges: path });
          done.add(cv);
          found++;
        }
      }
    }
    (exhausted ? out.incomplete : out.complete).push(c.id);
  }
  return out;
}
