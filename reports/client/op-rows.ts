/** Row of the op whose invocation is at history index `index` in ascending `inv`, or -1. */
export function rowOf(inv: ArrayLike<number>, index: number): number {
  let lo = 0;
  let hi = inv.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = inv[mid]!;
    if (v === index) return mid;
    if (v < index) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** First row whose start is >= t in ascending `start` (its length when there is none). */
export function firstAtOrAfter(start: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = start.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (start[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The history indexes in a `data-ops` attribute ("3 17 42"; the server writes digits only). */
export function opIndexes(attribute: string | null): number[] {
  return (attribute ?? '')
    .split(' ')
    .filter((s) => s !== '')
    .map(Number);
}

/** Each lane's rows, in ascending order. */
export function rowsByLane(lane: ArrayLike<number>, laneCount: number): Int32Array[] {
  const counts = new Uint32Array(laneCount);
  for (let k = 0; k < lane.length; k++) counts[lane[k]!]!++;
  const out = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Uint32Array(laneCount);
  for (let k = 0; k < lane.length; k++) {
    const l = lane[k]!;
    out[l]![fill[l]!++] = k;
  }
  return out;
}
