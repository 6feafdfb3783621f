/** What one timed run of a benchmark case reports. */
export interface BenchResult {
  /** Operations processed, for ops/s. */
  ops: number;
  /** The outcome (a verdict, or counts of verdicts), recorded so a fast wrong answer is visible. */
  verdict?: unknown;
}

/**
 * One benchmark case. `prepare` (untimed) builds the input, e.g. generates a history; `run` (timed)
 * does the work. Each repetition runs in a fresh child process, so peak memory is per case.
 */
export interface BenchCase<Input = unknown> {
  name: string;
  params: Record<string, string | number | boolean>;
  /** Included in `--quick` runs. */
  quick?: boolean;
  prepare?(): Input | Promise<Input>;
  run(input: Input): Promise<BenchResult>;
}

/** A suite is a file in bench/suites/ exporting `suite`. */
export interface BenchSuite {
  name: string;
  cases(): BenchCase[];
}

/** One case's record in bench/results.json. */
export interface BenchRecord {
  suite: string;
  case: string;
  params: BenchCase['params'];
  runs: number;
  /** Median wall time of `run`, in ms. */
  medianMs: number;
  /** Every run's wall time, in ms. */
  ms: number[];
  opsPerSec: number;
  /** Highest peak resident set size over the runs, in MiB (whole child process). */
  peakRssMiB: number;
  verdict: unknown;
  date: string;
  node: string;
  cpus: number;
  quick: boolean;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
