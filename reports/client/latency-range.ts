/**
 * The latency chart's log-scale range: whole decades around the shortest positive and the longest
 * duration of completed ops (pending ops, type 3, are left out), at least one decade wide;
 * 0.01..1 when no op took any time.
 */
export function latencyRange(dur: ArrayLike<number>, type: ArrayLike<number>): [lo: number, hi: number] {
  let lo = Infinity;
  let hi = 0;
  for (let k = 0; k < dur.length; k++) {
    if (type[k] === 3) continue;
    const d = dur[k]!;
    if (d > 0 && d < lo) lo = d;
    if (d > hi) hi = d;
  }
  if (!(lo < Infinity)) return [0.01, 1];
  const low = 10 ** Math.floor(Math.log10(lo));
  return [low, 10 ** Math.ceil(Math.log10(Math.max(hi, low * 10)))];
}
