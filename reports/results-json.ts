import type { CheckResult } from '../src/core/checker.js';
import type { History } from '../src/core/op.js';
import { exitCodeFor, mergeVerdicts, type Verdict } from '../src/core/verdict.js';
import { pairOps } from '../src/history/pair-ops.js';
import { allowedFindings, type AllowedFindings } from './allowed-findings.js';
import { anomalyCounts, summarizeResult } from './anomaly-summary.js';
import { faultIntervals } from './fault-intervals.js';
import { countHistory, type HistoryCounts } from './history-counts.js';
import type { TestInfo } from './test-info.js';

/** Bumped on any change that can break a reader; additions of fields do not bump it. */
export const RESULTS_SCHEMA_VERSION = 1;

/** One checker's entry in results.json: a summary plus its full result. */
export interface ResultsChecker {
  name: string;
  valid: Verdict;
  anomalyCount: number;
  /** Anomaly id -> count. */
  anomalyIds: Record<string, number>;
  unknownReason: string | null;
  /** One line: what was decided and, for a valid transactional result, what was found though allowed. */
  summary: string;
  /** For a valid result with a model: anomalies found that the model allows, and the strongest models still possible. */
  allowed: AllowedFindings | null;
  /** The checker's full result, verbatim (bigints as decimal strings). */
  result: CheckResult;
}

/** The top-level object of results.json (documented in docs/results-schema.md). */
export interface ResultsDocument {
  schemaVersion: typeof RESULTS_SCHEMA_VERSION;
  verdict: Verdict;
  /** The process exit code this verdict gives: 0 valid, 1 invalid, 2 unknown. */
  exitCode: 0 | 1 | 2;
  test: TestInfo;
  counts: HistoryCounts & { faults: number };
  checkers: ResultsChecker[];
}

/** Builds results.json's object; serialise it with toJsonText (bigints). */
export function resultsJson(
  history: History,
  results: readonly CheckResult[],
  test: TestInfo = {},
): ResultsDocument {
  const verdict = mergeVerdicts(results.map((r) => r.valid));
  const counts = countHistory(history, pairOps(history));
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    verdict,
    exitCode: exitCodeFor(verdict),
    test,
    counts: { ...counts, faults: faultIntervals(history).length },
    checkers: results.map((r) => ({
      name: r.checker,
      valid: r.valid,
      anomalyCount: r.anomalies.length,
      anomalyIds: Object.fromEntries(anomalyCounts(r)),
      unknownReason: r.valid === 'unknown' ? (r.unknownReason ?? 'no reason given') : null,
      summary: summarizeResult(r),
      allowed: allowedFindings(r) ?? null,
      result: r,
    })),
  };
}
