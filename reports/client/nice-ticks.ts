/**
 * A tick step written as `mantissa × 10^exponent`, so that a tick `i × step` is computed as
 * `i × mantissa / 10^-exponent` for a small step: dividing by an exact power of ten rounds once,
 * where multiplying by an inexact 0.001 gives 999999.9999999999 for 10^9 steps of it.
 */
interface Step {
  readonly mantissa: number;
  readonly exponent: number;
}

function stepValue(s: Step): number {
  return tickAt(1, s);
}

function tickAt(i: number, s: Step): number {
  return s.exponent >= 0 ? i * s.mantissa * 10 ** s.exponent : (i * s.mantissa) / 10 ** -s.exponent;
}

/** Multiples of `step` from lo to hi. */
function multiples(lo: number, hi: number, step: Step): number[] {
  const value = stepValue(step);
  const out: number[] = [];
  // + 0 turns a -0 (the ceiling of a tiny negative) into 0.
  for (let i = Math.ceil(lo / value - 1e-9) + 0; ; i++) {
    const t = tickAt(i, step);
    if (t > hi + 1e-9) break;
    if (t >= lo) out.push(t);
  }
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
  const exponent = Math.floor(Math.log10(raw));
  const steps: Step[] = [
    { mantissa: 5, exponent: exponent - 1 },
    ...[1, 2, 5].map((mantissa) => ({ mantissa, exponent })),
    { mantissa: 1, exponent: exponent + 1 },
  ];
  let i = steps.findIndex((s) => stepValue(s) >= raw);
  const first = steps[i]!;
  // The step one larger than raw can miss [lo, hi] altogether; the one below it never does.
  let ticks = multiples(lo, hi, stepValue(first) >= minStep ? first : { mantissa: minStep, exponent: 0 });
  while (ticks.length === 0 && i > 0 && stepValue(steps[i - 1]!) >= minStep)
    ticks = multiples(lo, hi, steps[--i]!);
  return ticks;
}
