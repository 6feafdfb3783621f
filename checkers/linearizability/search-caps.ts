/**
 * Caps on the search's tables, so a large budget ends a key `unknown` instead of exhausting the heap
 * (a JavaScript Map holds at most 2^24 entries; typed arrays are bounded by memory). The defaults
 * keep one search under about 1.5 GiB; tests pass smaller caps to reach them quickly.
 */
export interface SearchCaps {
  /** Distinct model states interned (each costs the state object and its hash). */
  states: number;
  /** Characters of state hashes held, a proxy for the memory of the states themselves. */
  stateChars: number;
  /** Int32 words of the memo arena (configurations and their required-op bitsets). */
  memoWords: number;
  /** Int32 words of the lists of applied-info sets kept with the memo's configurations. */
  infoWords: number;
  /** Entries of the linearization stack. */
  stack: number;
}

/** The default caps: ~8M states, 256M hash characters, 1 GiB of memo arena, 256 MiB of info sets. */
export const DEFAULT_CAPS: SearchCaps = {
  states: 8_000_000,
  stateChars: 256_000_000,
  memoWords: 1 << 28,
  infoWords: 1 << 26,
  stack: 1 << 24,
};

/** Which cap stopped a search, in words for the unknown reason. */
export type CapName = keyof SearchCaps;

/** The sentence an unknown reason uses for each cap. */
export function describeCap(cap: CapName, caps: SearchCaps): string {
  switch (cap) {
    case 'states':
      return `the table of model states reached its cap of ${caps.states} states`;
    case 'stateChars':
      return `the model states reached their cap of ${caps.stateChars} hash characters`;
    case 'memoWords':
      return `the memo of configurations reached its cap of ${caps.memoWords * 4} bytes`;
    case 'infoWords':
      return `the memo's sets of applied info ops reached their cap of ${caps.infoWords * 4} bytes`;
    case 'stack':
      return `the linearization stack reached its cap of ${caps.stack} entries`;
  }
}
