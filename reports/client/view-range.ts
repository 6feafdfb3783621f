/** A visible range of the timeline, in axis units. */
export interface ViewRange {
  t0: number;
  t1: number;
}

/**
 * The range t0..t1 kept inside the run: at least `minSpan` and at most the whole run (plus 2%)
 * wide, starting no earlier than 1% before 0 and ending no later than 2% after `end`.
 */
export function clampView(t0: number, t1: number, end: number, minSpan: number): ViewRange {
  const full = end * 1.02;
  const span = Math.min(full, Math.max(minSpan, t1 - t0));
  let a = Math.max(t0, -end * 0.01);
  if (a + span > full) a = full - span;
  return { t0: a, t1: a + span };
}
