import type { Rng } from '../core/generator.js';

/** A random order of `items` (Fisher–Yates with `rng`): the same seed gives the same order. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
