import type { Rng } from '../src/core/generator.js';

/** An unseeded Rng, only for fault ops given by hand without concrete nodes (schedules pass their own). */
export const mathRng: Rng = {
  next: () => Math.random(),
  int: (n) => Math.floor(Math.random() * n),
  pick: (items) => items[Math.floor(Math.random() * items.length)]!,
};
