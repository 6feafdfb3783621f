export { runTest } from './run-test.js';
export type { TestSpec, RunOutcome, NemesisPackage } from './test-spec.js';
export {
  TaskRunner,
  type Task,
  type TaskStatus,
  type TaskRunResult,
  type TaskRunnerOptions,
} from './task-runner.js';
export { interpret, type InterpretOptions } from './interpreter.js';
export { WorkerPool, type WorkerPoolOptions, type Thread } from './worker-pool.js';
export { validateClient, errorText } from './validate-client.js';
export { validateNemesis } from './validate-nemesis.js';
export { HistoryRecorder, type HistorySink } from './history-recorder.js';
export { RunStore, runTimestamp, safeName } from './run-store.js';
export { Progress, progressMode, type ProgressOutput, type ProgressOptions } from './progress.js';
export { FaultTracker } from './fault-tracker.js';
export { createClock, type Clock } from './clock.js';
export { dockerPlatform, type Platform, type ManagedCluster } from './platform.js';
export { runChecks, someOkCheck } from './run-checks.js';
export { writeReports } from './write-reports.js';
export { analyzeRun, type AnalyzeOutcome } from './analyze-run.js';
export { runSuite, type SuiteSpec, type SuiteOutcome, type SuiteRow } from './run-suite.js';
