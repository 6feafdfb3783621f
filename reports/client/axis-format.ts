import type { Axis } from './report-data.js';

/** How values along the x axis (and op durations) are written: as times, or as history indexes. */
export interface AxisFormat {
  /** Title under the x axis; empty when the tick labels' units say it. */
  title: string;
  /** Smallest step between ticks. */
  tickStep: number;
  /** Narrowest view the timeline zooms to. */
  minSpan: number;
  /** A point on the axis: `2.50 ms`, or `#12`. */
  at(t: number): string;
  /** A length along it, e.g. how long an op took: `600 µs`, or `3 events`. */
  span(d: number): string;
  /** A tick label, given the step between ticks. */
  tick(t: number, step: number): string;
  /** The throughput chart's title (its values are completions per 1000 units). */
  rateTitle: string;
  /** The latency chart's title and its tick labels. */
  latencyTitle: string;
  latencyTick(d: number): string;
}

/** A time in ms as people read it: `0`, `350 µs`, `2.50 ms`, `12 ms`, `3.20 s`, `4.0 min`. */
export function formatTime(ms: number): string {
  if (ms === 0) return '0';
  if (Math.abs(ms) < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (Math.abs(ms) < 1000) return `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
  if (Math.abs(ms) < 120000) return `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`;
  return `${(ms / 60000).toFixed(1)} min`;
}

/** A time tick label with as many decimals as the tick step needs, in s, ms or µs. */
export function timeTick(t: number, step: number): string {
  if (t === 0) return '0';
  const unit = step >= 1000 ? 1000 : step >= 1 ? 1 : 0.001;
  const name = unit === 1000 ? ' s' : unit === 1 ? ' ms' : ' µs';
  const digits = Math.max(0, Math.min(6, -Math.floor(Math.log10(step / unit) + 1e-9)));
  return (t / unit).toFixed(digits) + name;
}

const timeFormat: AxisFormat = {
  title: '',
  tickStep: 0,
  minSpan: 1e-3,
  at: formatTime,
  span: formatTime,
  tick: timeTick,
  rateTitle: 'ops/s',
  latencyTitle: 'latency',
  latencyTick: formatTime,
};

/** `#12`: the op whose event is at index 12 of the history. */
const indexLabel = (t: number): string => `#${Math.round(t)}`;

const indexFormat: AxisFormat = {
  title: 'op index (every event has the same time)',
  tickStep: 1,
  minSpan: 2,
  at: indexLabel,
  span: (d) => (Math.round(d) === 1 ? '1 event' : `${Math.round(d)} events`),
  tick: indexLabel,
  rateTitle: 'ops per 1000 events',
  latencyTitle: 'latency (events)',
  latencyTick: (d) => String(Math.round(d)),
};

/** The format of an axis. */
export function axisFormat(axis: Axis): AxisFormat {
  return axis === 'index' ? indexFormat : timeFormat;
}
