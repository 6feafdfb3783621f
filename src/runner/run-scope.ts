import { randomBytes } from 'node:crypto';
import type { Rng } from '../core/generator.js';
import type { FaultKind, Nemesis } from '../core/nemesis.js';
import type { SystemContext } from '../core/system.js';
import type { WorkloadOptions } from '../core/workload.js';
import { createRng } from '../generator/rng.js';
import { FaultTracker } from './fault-tracker.js';
import { HistoryRecorder } from './history-recorder.js';
import { Later } from './later.js';
import type { ManagedCluster, Platform } from './platform.js';
import { Progress, progressMode } from './progress.js';
import { recordPrimaries } from './record-primaries.js';
import { RunStore } from './run-store.js';
import { testRecordFor } from './test-record.js';
import { TestRecordFile } from './test-record-file.js';
import type { RunOutcome, TestSpec } from './test-spec.js';
import { validateNemesis } from './validate-nemesis.js';
import type { WorkerPool } from './worker-pool.js';

/** How long one fault op may take before it is recorded as timed out. */
const FAULT_OP_TIMEOUT_MS = 60_000;

/**
 * What the lifecycle tasks of one run share: what is fixed when it starts (spec, store, record,
 * history, progress) and, as `Later` cells, what the tasks make along the way.
 */
export interface RunScope {
  spec: TestSpec;
  platform: Platform;
  runId: string;
  store: RunStore;
  record: TestRecordFile;
  log(line: string): void;
  progress: Progress;
  recorder: HistoryRecorder;
  tracker: FaultTracker;
  faults: readonly FaultKind[];
  /** Validated, recording primaries after each op; absent without faults. */
  nemesis: Nemesis | undefined;
  workloadOptions: WorkloadOptions;
  rng: Rng;
  /** Client completions by type, for the outcome. */
  counts: RunOutcome['counts'];
  image: Later<string>;
  cluster: Later<ManagedCluster>;
  ctx: Later<SystemContext>;
  pool: Later<WorkerPool>;
}

/** Opens a run of `spec` on `platform`: its directory, test.json and history file exist afterwards. */
export function openRunScope(spec: TestSpec, platform: Platform): RunScope {
  const name = spec.name ?? `${spec.system.name}-${spec.workload.name}`;
  const startedAt = new Date();
  const store = new RunStore(spec.storeDir ?? 'store', name, startedAt);
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const out = spec.output ?? process.stderr;
  const faults = spec.nemesis?.faults ?? [];
  const tracker = new FaultTracker(faults);
  const progress = new Progress(
    { out, mode: spec.progress ?? progressMode(out), timeLimitS: spec.timeLimitS, faults },
    tracker,
  );
  const recorder = new HistoryRecorder(store.history);
  const counts = { invoke: 0, ok: 0, fail: 0, info: 0 };
  recorder.onEvent((op) => {
    if (op.process !== 'nemesis') counts[op.type]++;
  });
  recorder.onEvent(progress.onEvent);
  return {
    spec,
    platform,
    runId,
    store,
    record: new TestRecordFile(
      store,
      testRecordFor(spec, { name, runId, platform: platform.name, startedAt }),
    ),
    log: (line) => progress.log(line),
    progress,
    recorder,
    tracker,
    faults,
    // Completions record the system's primaries right after each fault op (for reports and failover studies).
    nemesis: spec.nemesis
      ? recordPrimaries(validateNemesis(spec.nemesis.nemesis, FAULT_OP_TIMEOUT_MS))
      : undefined,
    workloadOptions: { ...spec.workloadOptions, concurrency: spec.concurrency, nodes: spec.nodes },
    rng: createRng(spec.seed),
    counts,
    image: new Later('image'),
    cluster: new Later('cluster'),
    ctx: new Later('system context'),
    pool: new Later('worker pool'),
  };
}
