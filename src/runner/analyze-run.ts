import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from '../core/checker.js';
import { FaultlineError } from '../core/errors.js';
import type { Op } from '../core/op.js';
import { exitCodeFor, mergeVerdicts, type Verdict } from '../core/verdict.js';
import type { Workload, WorkloadOptions } from '../core/workload.js';
import { readHistory } from '../history/read-history.js';
import { TruncatedHistoryError } from '../history/truncated-history-error.js';
import { readTestRecord } from './read-test-record.js';
import { runChecks, someOkCheck } from './run-checks.js';
import { testInfoOf, type StoredTestRecord } from './test-record.js';
import { writeReports } from './write-reports.js';

export interface AnalyzeOutcome {
  verdict: Verdict;
  exitCode: 0 | 1 | 2;
  results: CheckResult[];
  test: StoredTestRecord;
  /** The line of a final event cut short (a run killed mid-write), dropped before checking. */
  droppedTruncatedLine?: number;
}

/**
 * Reads a run's history. A run killed mid-write leaves a truncated last line: it is dropped (the
 * rest is still worth checking) and its line returned, so the caller can say so.
 */
async function readRunHistory(path: string): Promise<{ history: Op[]; droppedTruncatedLine?: number }> {
  try {
    return { history: await readHistory(path, { format: 'jsonl' }) };
  } catch (error) {
    if (!(error instanceof TruncatedHistoryError)) throw error;
    const history = await readHistory(path, { format: 'jsonl', ignoreTruncated: true });
    return { history, ...(error.line === undefined ? {} : { droppedTruncatedLine: error.line }) };
  }
}

/**
 * Checks a stored run again from its history.jsonl and test.json, and rewrites its reports. A
 * truncated last line is dropped and reported in `droppedTruncatedLine`.
 */
export async function analyzeRun(runDir: string, workload: Workload): Promise<AnalyzeOutcome> {
  const test = readTestRecord(runDir);
  const historyPath = join(runDir, 'history.jsonl');
  if (!existsSync(historyPath)) {
    throw new FaultlineError('RUN_NOT_FOUND', `${runDir} has no history.jsonl.`, {
      hint: 'The run stopped before it recorded anything; run the test again.',
    });
  }
  const { history, droppedTruncatedLine } = await readRunHistory(historyPath);
  const options: WorkloadOptions = {
    ...test.workloadOptions,
    concurrency: test.concurrency,
    nodes: test.nodes,
  };
  const results = await runChecks(history, [...workload.checkers(options), someOkCheck]);
  const verdict = mergeVerdicts(results.map((r) => r.valid));
  await writeReports(runDir, history, results, testInfoOf(test));
  return {
    verdict,
    exitCode: exitCodeFor(verdict),
    results,
    test,
    ...(droppedTruncatedLine === undefined ? {} : { droppedTruncatedLine }),
  };
}
