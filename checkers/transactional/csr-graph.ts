import type { EdgeList } from './edge-list.js';

/** Compressed adjacency of an EdgeList: out-edges of node v are edge ids `edges[start[v] .. start[v+1]-1]`. */
export interface CsrGraph {
  n: number;
  start: Int32Array;
  /** Edge ids into the EdgeList, grouped by source node. */
  edges: Int32Array;
  list: EdgeList;
}

/** Groups the edges of `list` by source node (counting sort, O(V + E)). */
export function toCsr(n: number, list: EdgeList): CsrGraph {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < list.length; i++) start[list.from[i]! + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const edges = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) edges[fill[list.from[i]!]!++] = i;
  return { n, start, edges, list };
}
