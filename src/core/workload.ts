import type { CheckResult } from './checker.js';
import type { Generator } from './generator.js';
import type { History } from './op.js';

/** What a workload's generators and checkers may depend on. */
export interface WorkloadOptions {
  /** Client worker threads. */
  concurrency: number;
  /** Node count. */
  nodes: number;
  /** Workload-specific options (already validated), e.g. `{ keys: 5 }`. */
  [option: string]: unknown;
}

/** One check a workload runs on its history, e.g. linearizability with the cas-register model. */
export interface WorkloadCheck {
  name: string;
  check(history: History): CheckResult | Promise<CheckResult>;
}

/**
 * An op vocabulary with its generators and checkers. `generator` is an endless source of client ops
 * (the runner adds rate, time limit and the nemesis); `finalGenerator`, when given, runs on the
 * healed cluster after the nemesis stopped (e.g. a set's final read). Systems implement a client
 * per workload name.
 */
export interface Workload {
  name: string;
  description: string;
  generator(options: WorkloadOptions): Generator;
  finalGenerator?(options: WorkloadOptions): Generator;
  checkers(options: WorkloadOptions): readonly WorkloadCheck[];
}
