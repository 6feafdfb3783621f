import type { History } from '../src/core/op.js';
import type { Axis } from './client/report-data.js';

/**
 * What the report's charts and timeline draw along x: `time`, or `index` (each event at its
 * position in the history) when every event has the same time. Hand-written and imported
 * histories often have time 0 everywhere; drawn by time, every op would sit on one point of an
 * empty axis.
 */
export function reportAxis(history: History): Axis {
  const first = history[0];
  if (!first) return 'time';
  return history.every((op) => op.time === first.time) ? 'index' : 'time';
}
