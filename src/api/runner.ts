// The library's runner entry, `faultline/runner`: run a test against a cluster, check a stored run again.
// It loads Docker code; checking histories alone is the `faultline` (or `faultline/check`) entry.
export { runTest } from '../runner/run-test.js';
export type { TestSpec, RunOutcome } from '../runner/test-spec.js';
export { analyzeRun, type AnalyzeOutcome } from '../runner/analyze-run.js';
export { readTestRecord } from '../runner/read-test-record.js';
export type { TestRecord, StoredTestRecord } from '../runner/test-record.js';
export {
  /** @deprecated the old name of readTestRecord. */
  readTestRecord as readStoredTest,
} from '../runner/read-test-record.js';
/** @deprecated the old name of StoredTestRecord. */
export type { StoredTestRecord as StoredTest } from '../runner/test-record.js';
