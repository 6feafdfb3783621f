/**
 * Topological order of `nodes` under the edges `from[i] -> to[i]` (ids outside `nodes` are
 * ignored), taking the ready node with the smallest `priority` first; nodes left on cycles follow
 * in priority order. Binary heap: O((V + E) log V).
 */
export function rankOrder(
  nodes: readonly number[],
  from: readonly number[],
  to: readonly number[],
  priority: (v: number) => number,
): number[] {
  const index = new Map<number, number>(nodes.map((v, i) => [v, i]));
  const indeg = new Int32Array(nodes.length);
  const out: number[][] = nodes.map(() => []);
  for (let i = 0; i < from.length; i++) {
    const a = index.get(from[i]!);
    const b = index.get(to[i]!);
    if (a === undefined || b === undefined || a === b) continue;
    out[a]!.push(b);
    indeg[b]!++;
  }
  const heap: number[] = [];
  const less = (x: number, y: number): boolean =>
    priority(nodes[x]!) - priority(nodes[y]!) < 0 || (priority(nodes[x]!) === priority(nodes[y]!) && x < y);
  const push = (x: number): void => {
    heap.push(x);
    for (let i = heap.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!less(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  };
  for (let i = 0; i < nodes.length; i++) if (indeg[i] === 0) push(i);
  const order: number[] = [];
  const done = new Uint8Array(nodes.length);
  while (heap.length > 0) {
    const x = pop();
    done[x] = 1;
    order.push(nodes[x]!);
    for (const y of out[x]!) if (--indeg[y]! === 0) push(y);
  }
  if (order.length < nodes.length) {
    const rest = nodes.filter((_, i) => !done[i]).sort((a, b) => priority(a) - priority(b));
    order.push(...rest);
  }
  return order;
}
