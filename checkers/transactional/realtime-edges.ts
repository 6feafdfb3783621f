/**
 * Sparse real-time order: calls `edge(a, b)` for a set of pairs whose transitive closure is exactly
 * "a completed before b was invoked" over `nodes`. A frontier holds the completed txns not yet
 * covered by a later completion; an invocation links from every frontier member, and a completion
 * replaces the members it was linked from. Edges number about (frontier size) per txn, not O(n^2).
 * Txns with an infinite end time (info) never precede anything.
 */
export function realtimePairs(
  nodes: ArrayLike<number>,
  invTime: Float64Array,
  endTime: Float64Array,
  edge: (a: number, b: number) => void,
): void {
  const m = nodes.length;
  // Events: invocations (even codes) and completions (odd codes), ordered by time; at equal times
  // completions first would claim an order the clock cannot show, so invocations go first.
  const codes = new Float64Array(2 * m);
  let k = 0;
  for (let i = 0; i < m; i++) {
    const t = nodes[i]!;
    codes[k++] = i * 2;
    if (endTime[t] !== Infinity) codes[k++] = i * 2 + 1;
  }
  const ev = Array.from(codes.subarray(0, k));
  const at = (c: number): number => (c & 1 ? endTime[nodes[c >> 1]!]! : invTime[nodes[c >> 1]!]!);
  ev.sort((x, y) => at(x) - at(y) || (x & 1) - (y & 1) || x - y);
  const inFrontier = new Uint8Array(m);
  let frontier: number[] = [];
  const preds: (number[] | undefined)[] = new Array<number[] | undefined>(m);
  for (const c of ev) {
    const i = c >> 1;
    if (!(c & 1)) {
      if (frontier.length > 0) {
        preds[i] = frontier.slice();
        for (const p of frontier) edge(nodes[p]!, nodes[i]!);
      }
      continue;
    }
    const covered = preds[i];
    if (covered) {
      for (const p of covered) inFrontier[p] = 0;
      frontier = frontier.filter((p) => inFrontier[p]);
      preds[i] = undefined;
    }
    inFrontier[i] = 1;
    frontier.push(i);
  }
}
