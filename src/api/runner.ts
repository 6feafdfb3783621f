// The library's runner entry, `faultline/runner`: run a test against a cluster, check a stored run again.
// It loads Docker code; checking histories alone is the `faultline` (or `faultline/check`) entry.
export { runTest } from '../runner/run-test.js';
export type { TestSpec, RunOutcome } from '../runner/test-spec.js';
export { analyzeRun, readStoredTest, type AnalyzeOutcome, type StoredTest } from '../runner/analyze-run.js';
