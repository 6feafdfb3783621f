import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from '../core/checker.js';
import { FaultlineError } from '../core/errors.js';
import type { Op } from '../core/op.js';
import { exitCodeFor, mergeVerdicts, type Verdict } from '../core/verdict.js';
import type { Workload, WorkloadOptions } from '../core/workload.js';
import { readHistory } from '../history/read-history.js';
import { TruncatedHistoryError } from '../history/truncated-history-error.js';
import { runChecks, someOkCheck } from './run-checks.js';
import { writeReports } from './write-reports.js';

/** The parts of a stored test.json that analyze needs. */
export interface StoredTest {
  name: string;
  system: string;
  workload: string;
  nemesis: string[];
  nodes: number;
  concurrency: number;
  seed: number;
  workloadOptions?: Record<string, unknown>;
  versions?: { system?: string };
  command?: string[];
  startTime?: string;
  endTime?: string;
  status?: string;
}

/** Reads `<runDir>/test.json`; throws RUN_NOT_FOUND naming what is missing. */
export function readStoredTest(runDir: string): StoredTest {
  const path = join(runDir, 'test.json');
  if (!existsSync(path)) {
    throw new FaultlineError('RUN_NOT_FOUND', `${runDir} is not a run directory: it has no test.json.`, {
      hint: 'Pass a directory made by `faultline test`, e.g. store/latest.',
    });
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as StoredTest;
  } catch (cause) {
    throw new FaultlineError('BAD_ARGUMENT', `${path} is not valid JSON.`, { cause });
  }
}

export interface AnalyzeOutcome {
  verdict: Verdict;
  exitCode: 0 | 1 | 2;
  results: CheckResult[];
  test: StoredTest;
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
  const test = readStoredTest(runDir);
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
  await writeReports(runDir, history, results, {
    name: test.name,
    system: test.system,
    workload: test.workload,
    nemesis: test.nemesis.join(',') || 'none',
    seed: test.seed,
    concurrency: test.concurrency,
    ...(test.versions?.system ? { version: test.versions.system } : {}),
    ...(test.command ? { command: test.command.join(' ') } : {}),
    ...(test.startTime ? { startTime: test.startTime } : {}),
    ...(test.endTime ? { endTime: test.endTime } : {}),
  });
  return {
    verdict,
    exitCode: exitCodeFor(verdict),
    results,
    test,
    ...(droppedTruncatedLine === undefined ? {} : { droppedTruncatedLine }),
  };
}
