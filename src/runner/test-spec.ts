import type { CheckResult } from '../core/checker.js';
import type { NemesisPackage } from '../core/nemesis.js';
import type { System } from '../core/system.js';
import type { Verdict } from '../core/verdict.js';
import type { Workload } from '../core/workload.js';
import type { Platform } from './platform.js';
import type { ProgressOutput } from './progress.js';
import type { TaskStatus } from './task-runner.js';

export type { NemesisPackage };

/** Everything one test run needs; the CLI builds it from its options and registries. */
export interface TestSpec {
  /** Test name, the store folder (default `<system>-<workload>`). */
  name?: string;
  system: System;
  workload: Workload;
  /** Absent: no faults. */
  nemesis?: NemesisPackage;
  nodes: number;
  /** Client workers (Jepsen's concurrency), bound to nodes round robin. */
  concurrency: number;
  timeLimitS: number;
  /** Target client ops per second over all workers. */
  rate: number;
  seed: number;
  /** Seconds between fault starts and stops. */
  nemesisIntervalS: number;
  /** Leave the containers running (prints how to remove them). */
  keep?: boolean;
  /** Store root (default `store`). */
  storeDir?: string;
  /** Passed to the system as SystemContext.options, e.g. `{ fastReads: true }`. */
  systemOptions?: Readonly<Record<string, unknown>>;
  /** Passed to the workload's generators and checkers. */
  workloadOptions?: Readonly<Record<string, unknown>>;
  /** An op running longer becomes info (default 5000). */
  opTimeoutMs?: number;
  /** Seconds to let the healed cluster recover before the final phase (default 5). */
  recoverS?: number;
  /** Upper bound on the final phase (default 60 s). */
  finalTimeLimitS?: number;
  /** The whole run, images included, stops as timed out after this (default time limit + 20 min). */
  deadlineS?: number;
  /** The exact command line, recorded in test.json. */
  command?: readonly string[];
  /** Progress and log lines (default stderr; 'none' keeps quiet). */
  output?: ProgressOutput;
  progress?: 'live' | 'plain' | 'none';
  /** Default: Docker. */
  platform?: Platform;
  /** Signals that interrupt the run (default SIGINT, SIGTERM; [] for none, e.g. in tests). */
  signals?: readonly NodeJS.Signals[];
}

/** How a run ended. `exitCode`: 0 valid, 1 invalid, 2 unknown, 130 interrupted, 254 bad input, 255 crashed. */
export interface RunOutcome {
  status: TaskStatus;
  /** Present when the history was checked. */
  verdict?: Verdict;
  exitCode: number;
  runDir: string;
  /** The value of the `faultline.run` label on everything the run created. */
  runId: string;
  results: CheckResult[];
  /** Client completions of the whole run. */
  counts: { invoke: number; ok: number; fail: number; info: number };
  error?: unknown;
}
