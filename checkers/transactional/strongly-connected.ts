import type { CsrGraph } from './csr-graph.js';

/**
 * Tarjan's strongly connected components over the edges whose kind intersects `mask`, iteratively
 * (no recursion, so deep graphs do not overflow the stack). Returns the component id of each node;
 * `size[c]` counts its nodes. Only nodes with `active[v]` (when given) take part.
 */
export function stronglyConnected(
  g: CsrGraph,
  mask: number,
  active?: Uint8Array,
): { comp: Int32Array; size: Int32Array; count: number } {
  const { n, start, edges, list } = g;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const sizes: number[] = [];
  let sp = 0;
  let next = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1 || (active && !active[root])) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = start[root]!;
    index[root] = low[root] = next++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const ei = callEdge[depth]!;
      if (ei < start[v + 1]!) {
        callEdge[depth] = ei + 1;
        const e = edges[ei]!;
        if (!(list.kind[e]! & mask)) continue;
        const w = list.to[e]!;
        if (active && !active[w]) continue;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = start[w]!;
        } else if (onStack[w] && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      if (low[v] === index[v]) {
        const c = sizes.length;
        let size = 0;
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          comp[w] = c;
          size++;
        } while (w !== v);
        sizes.push(size);
      }
      depth--;
      if (depth >= 0) {
        const u = callNode[depth]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
    }
  }
  return { comp, size: Int32Array.from(sizes), count: sizes.length };
}
