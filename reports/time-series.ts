import type { HistoryColumns } from './history-columns.js';

/** Per-bucket series for the throughput and latency charts. */
export interface TimeSeries {
  /** Bucket width in ms; bucket i covers [i * bucketMs, (i + 1) * bucketMs). */
  bucketMs: number;
  /** Completions per second in each bucket, by outcome (pending ops are not counted). */
  ok: number[];
  fail: number[];
  info: number[];
  /** Latency quantiles (ms) of the ops invoked in each bucket; null for an empty bucket. */
  p50: (number | null)[];
  p95: (number | null)[];
  p99: (number | null)[];
}

/** A "nice" bucket width (1, 2 or 5 × 10^k ms) giving at most `maxBuckets` buckets. */
function bucketWidth(endMs: number, maxBuckets: number): number {
  const raw = Math.max(endMs, 1) / maxBuckets;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

function quantile(sorted: Float32Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Throughput and latency quantiles over time, from the history's columns. */
export function timeSeries(cols: HistoryColumns, maxBuckets = 150): TimeSeries {
  // About 20 ops per bucket at least, so a short history does not become a row of spikes.
  const bucketMs = bucketWidth(cols.end, Math.max(5, Math.min(maxBuckets, Math.ceil(cols.inv.length / 20))));
  const n = Math.floor(cols.end / bucketMs) + 1;
  const out: TimeSeries = {
    bucketMs,
    ok: new Array<number>(n).fill(0),
    fail: new Array<number>(n).fill(0),
    info: new Array<number>(n).fill(0),
    p50: [],
    p95: [],
    p99: [],
  };
  const sizes = new Uint32Array(n);
  const bucketOf = (t: number): number => Math.min(n - 1, Math.max(0, Math.floor(t / bucketMs)));
  const outcome = [out.ok, out.fail, out.info];
  for (let k = 0; k < cols.inv.length; k++) {
    const series = outcome[cols.type[k]!];
    if (series) series[bucketOf(cols.start[k]! + cols.dur[k]!)]!++;
    if (cols.type[k] === 0) sizes[bucketOf(cols.start[k]!)]!++;
  }
  // The last bucket is cut short by the end of the history: divide by the time it covers.
  const last = Math.max(cols.end - (n - 1) * bucketMs, bucketMs / 10);
  for (const series of outcome) {
    for (let i = 0; i < n; i++) series[i] = (series[i]! * 1000) / (i === n - 1 ? last : bucketMs);
  }
  // Latency of ok ops only: fail/info latencies are timeouts and errors, drawn as points instead.
  const lat = Array.from(sizes, (s) => new Float32Array(s));
  const fill = new Uint32Array(n);
  for (let k = 0; k < cols.inv.length; k++) {
    if (cols.type[k] !== 0) continue;
    const b = bucketOf(cols.start[k]!);
    lat[b]![fill[b]!++] = cols.dur[k]!;
  }
  for (const sorted of lat) {
    sorted.sort();
    const empty = sorted.length === 0;
    out.p50.push(empty ? null : quantile(sorted, 0.5));
    out.p95.push(empty ? null : quantile(sorted, 0.95));
    out.p99.push(empty ? null : quantile(sorted, 0.99));
  }
  return out;
}
