import type { ClockOffset } from '../core/system-clocks.js';

/** One reading of a node's clock: control clock before sending, node clock, control clock on reply (ms). */
export interface ClockSample {
  sentMs: number;
  nodeMs: number;
  receivedMs: number;
}

/**
 * The offset of the sample with the shortest round trip, taking the node's reading to be at the
 * middle of it (Cristian's algorithm): the error is at most half that round trip.
 */
export function bestOffset(samples: readonly ClockSample[]): ClockOffset {
  if (samples.length === 0) throw new RangeError('bestOffset needs at least one sample');
  let best = samples[0]!;
  for (const s of samples) if (s.receivedMs - s.sentMs < best.receivedMs - best.sentMs) best = s;
  const half = (best.receivedMs - best.sentMs) / 2;
  return { offsetMs: best.nodeMs - (best.sentMs + half), uncertaintyMs: half };
}

/** The control node's wall clock in ms, with sub-millisecond resolution. */
export function controlNowMs(): number {
  return performance.timeOrigin + performance.now();
}
