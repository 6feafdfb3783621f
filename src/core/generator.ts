import type { Value } from './op.js';

/** A deterministic RNG; the same seed gives the same sequence. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

/** What a generator sees when asked for the next op. Immutable. */
export interface GenContext {
  /** Nanoseconds since the test started. */
  time: number;
  /** Worker threads free to take an op now: client thread numbers and/or 'nemesis'. */
  free: ReadonlySet<number | 'nemesis'>;
  /** All worker threads. */
  threads: readonly (number | 'nemesis')[];
  rng: Rng;
}

/** An op the generator wants run. `thread` is the worker that must run it; `time` is when (ns). */
export interface GenOp {
  f: string;
  value: Value;
  thread: number | 'nemesis';
  time: number;
}

/** Completed events fed back so generators can react (e.g. wait for the nemesis). */
export interface GenEvent {
  thread: number | 'nemesis';
  type: 'ok' | 'fail' | 'info';
  f: string;
  value: Value;
}

export type GenNext = { op: GenOp; gen: Generator } | 'pending' | null;

/**
 * A pure op source: `next` returns the next op and the generator that follows it, 'pending' when
 * nothing can be emitted now (wait for a completion or time to pass), or null when exhausted.
 */
export interface Generator {
  next(ctx: GenContext): GenNext;
  update(ctx: GenContext, event: GenEvent): Generator;
}
