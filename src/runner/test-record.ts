import type { TestInfo } from '../../reports/test-info.js';
import { faultlineVersion } from './faultline-version.js';
import type { TaskStatus } from './task-runner.js';
import type { TestSpec } from './test-spec.js';

/** The shape version of a test.json this faultline writes. Older runs have none (see readTestRecord). */
export const TEST_RECORD_FORMAT = 2;

/**
 * A run's metadata, written to its test.json when the run starts and updated as it learns its image,
 * nodes and database version and when it ends. Reports and `faultline analyze` read the same record.
 */
export interface TestRecord {
  format: typeof TEST_RECORD_FORMAT;
  name: string;
  /** The value of the `faultline.run` label on everything the run created. */
  runId: string;
  system: string;
  workload: string;
  /** Fault kinds, e.g. ['partition', 'kill']; empty without a nemesis. */
  nemesis: string[];
  /** Node count. */
  nodes: number;
  /** Node names, once the cluster exists. */
  nodeNames: string[];
  concurrency: number;
  /** `docker`, `ssh`. */
  platform: string;
  timeLimitS: number;
  rate: number;
  seed: number;
  nemesisIntervalS: number;
  keep: boolean;
  systemOptions: Record<string, unknown>;
  workloadOptions: Record<string, unknown>;
  opTimeoutMs: number;
  /** The command line that reproduces the run; empty when started from the library. */
  command: string[];
  versions: { faultline: string; node: string; system?: string };
  /** The image tag the nodes ran, once built. */
  image: string | null;
  /** ISO 8601 wall-clock times. */
  startTime: string;
  endTime?: string;
  /** `running` until the run ends. */
  status: TaskStatus | 'running';
  /** For a run that did not pass: its error and the task it stopped in. */
  error?: string;
  stoppedIn?: string | null;
}

/**
 * A test.json as found on disk: runs written before TEST_RECORD_FORMAT 2 lack everything but
 * these fields (readTestRecord checks them).
 */
export type StoredTestRecord = Pick<
  TestRecord,
  'name' | 'system' | 'workload' | 'nemesis' | 'nodes' | 'concurrency' | 'seed'
> &
  Partial<Omit<TestRecord, 'format'>> & { format?: number };

/** The record of a run of `spec` about to start. */
export function testRecordFor(
  spec: TestSpec,
  run: { name: string; runId: string; platform: string; startedAt: Date },
): TestRecord {
  return {
    format: TEST_RECORD_FORMAT,
    name: run.name,
    runId: run.runId,
    system: spec.system.name,
    workload: spec.workload.name,
    nemesis: (spec.nemesis?.faults ?? []).map((f) => f.name),
    nodes: spec.nodes,
    nodeNames: [],
    concurrency: spec.concurrency,
    platform: run.platform,
    timeLimitS: spec.timeLimitS,
    rate: spec.rate,
    seed: spec.seed,
    nemesisIntervalS: spec.nemesisIntervalS,
    keep: spec.keep ?? false,
    systemOptions: { ...spec.systemOptions },
    workloadOptions: { ...spec.workloadOptions },
    opTimeoutMs: spec.opTimeoutMs ?? 5000,
    command: [...(spec.command ?? [])],
    versions: { faultline: faultlineVersion(), node: process.version },
    image: null,
    startTime: run.startedAt.toISOString(),
    status: 'running',
  };
}

/** What a report's header shows of a run: the same for a fresh run and one checked again by analyze. */
export function testInfoOf(record: StoredTestRecord): TestInfo {
  return {
    name: record.name,
    system: record.system,
    workload: record.workload,
    nemesis: record.nemesis.join(',') || 'none',
    seed: record.seed,
    concurrency: record.concurrency,
    ...(record.nodeNames?.length ? { nodes: [...record.nodeNames] } : {}),
    ...(record.platform ? { platform: record.platform } : {}),
    ...(record.versions?.system ? { version: record.versions.system } : {}),
    ...(record.command?.length ? { command: record.command.join(' ') } : {}),
    ...(record.startTime ? { startTime: record.startTime } : {}),
    ...(record.endTime ? { endTime: record.endTime } : {}),
  };
}
