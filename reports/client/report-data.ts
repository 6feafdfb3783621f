// The contract between render-report.ts (which writes the report's data blocks) and the browser
// code (which reads them). Types only, so both the Node and the browser programs can import it.

/** What the x axis of the charts and the timeline counts: milliseconds, or history indexes. */
export type Axis = 'time' | 'index';

/** Element type of a packed column, as the client names its typed array. */
export type PackedType = 'Uint8' | 'Uint16' | 'Uint32' | 'Int32';

/** Where each column sits in the inflated buffer: [byte offset, element count, element type]. */
export type PackedLayout = Record<string, [number, number, PackedType]>;

/** Per-bucket series of the charts (reports/time-series.ts); buckets are `bucketMs` axis units wide. */
export interface ChartSeries {
  bucketMs: number;
  /** Completions per 1000 axis units (per second on the time axis), by outcome. */
  ok: number[];
  fail: number[];
  info: number[];
  /** Latency quantiles of the ok ops invoked in each bucket; null for an empty bucket. */
  p50: (number | null)[];
  p95: (number | null)[];
  p99: (number | null)[];
}

/** A fault interval in axis units; `end` is null when it was never healed. */
export interface ChartFault {
  kind: string;
  label: string;
  start: number;
  end: number | null;
}

/** A nemesis event, for the tick marks above the timeline. */
export interface NemesisMark {
  t: number;
  f: string;
  type: string;
  value: string;
}

/** The JSON block `fl-data`. Times (`end`, `start`, `t`) are in axis units. */
export interface ReportData {
  axis: Axis;
  packed: PackedLayout;
  fs: string[];
  lanes: string[];
  values: string[];
  end: number;
  series: ChartSeries;
  faults: ChartFault[];
  nemesis: NemesisMark[];
}
