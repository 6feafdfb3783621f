import type { SeqOp } from './process-sequences.js';

/**
 * Tries to merge one legal order per key into one order of the whole history: a topological
 * order of "consecutive in its key's order" plus program order (crashed ops a key's order left
 * out are dropped). When one exists, it is a witness of sequential consistency: its projection on
 * every key is that key's legal order, and keys do not interact. When the union is cyclic nothing
 * follows (other per-key orders might merge), and undefined is returned.
 */
export function mergeKeyOrders(
  sequences: readonly SeqOp[][],
  keyOrders: readonly SeqOp[][],
): SeqOp[] | undefined {
  const id = new Map<SeqOp, number>();
  const nodes: SeqOp[] = [];
  for (const order of keyOrders) for (const s of order) if (!id.has(s)) id.set(s, nodes.push(s) - 1);
  const succ: number[][] = nodes.map(() => []);
  const indeg = new Int32Array(nodes.length);
  const edge = (a: number, b: number): void => {
    succ[a]!.push(b);
    indeg[b]!++;
  };
  for (const order of keyOrders)
    for (let i = 0; i + 1 < order.length; i++) edge(id.get(order[i]!)!, id.get(order[i + 1]!)!);
  for (const seq of sequences) {
    let prev = -1;
    for (const s of seq) {
      const v = id.get(s);
      if (v === undefined) continue;
      if (prev >= 0) edge(prev, v);
      prev = v;
    }
  }
  const queue: number[] = [];
  for (let v = 0; v < nodes.length; v++) if (indeg[v] === 0) queue.push(v);
  const out: SeqOp[] = [];
  while (queue.length > 0) {
    const v = queue.pop()!;
    out.push(nodes[v]!);
    for (const w of succ[v]!) if (--indeg[w]! === 0) queue.push(w);
  }
  return out.length === nodes.length ? out : undefined;
}
