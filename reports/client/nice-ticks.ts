/** Multiples of `step` from lo to hi. */
function multiples(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  for (let i = Math.ceil(lo / step); i * step <= hi + 1e-9; i++) out.push(i * step);
  return out;
}

/**
 * About `count` round tick values (1, 2 or 5 × 10^k apart, and at least `minStep` apart) from lo to
 * hi, at least one when the range is at least `minStep` wide; just [lo] when the range is empty.
 */
export function niceTicks(lo: number, hi: number, count: number, minStep = 0): number[] {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const steps = [0.5, 1, 2, 5, 10].map((m) => m * pow);
  let i = steps.findIndex((s) => s >= raw);
  // The step one larger than raw can miss [lo, hi] altogether; the one below it never does.
  let ticks = multiples(lo, hi, Math.max(steps[i]!, minStep));
  while (ticks.length === 0 && i > 0 && steps[i - 1]! >= minStep) ticks = multiples(lo, hi, steps[--i]!);
  return ticks;
}
