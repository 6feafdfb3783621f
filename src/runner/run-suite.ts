import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from '../core/checker.js';
import { mergeVerdicts, type Verdict } from '../core/verdict.js';
import { anomalyCounts } from '../../reports/anomaly-summary.js';
import { renderJUnitSuites } from '../../reports/render-junit.js';
import { runTest } from './run-test.js';
import { runTimestamp } from './run-store.js';
import type { RunOutcome, TestSpec } from './test-spec.js';

/** One test of a suite and how it ended (a row of index.json and of the CLI's table). */
export interface SuiteRow {
  test: string;
  verdict: Verdict | undefined;
  status: string;
  ops: { ok: number; fail: number; info: number };
  anomalies: string;
  runDir: string;
}

/** A suite: tests run one after another, stored together under `<storeDir>/<name>/<timestamp>/`. */
export interface SuiteSpec {
  name: string;
  storeDir: string;
  /** Each test's spec; its `name` is required, its `storeDir` is the suite directory. */
  tests: readonly (Omit<TestSpec, 'storeDir'> & { name: string })[];
  /** Extra fields of index.json, e.g. `{ system, baseSeed }`. */
  meta?: Readonly<Record<string, unknown>>;
  command?: readonly string[];
  /** Called before each test starts. */
  onTestStart?(test: Omit<TestSpec, 'storeDir'> & { name: string }, index: number): void;
  /** `runTest` by default; a stand-in lets the suite logic be tested without Docker. */
  run?: (spec: TestSpec) => Promise<RunOutcome>;
}

export interface SuiteOutcome {
  dir: string;
  rows: SuiteRow[];
  /** The worst verdict (false > unknown > true); a test that was not checked counts as unknown. */
  verdict: Verdict;
  /** 255 when a test crashed, 130 when one was interrupted, else 1 invalid, 2 unknown, 0 valid. */
  exitCode: number;
}

function rowOf(name: string, outcome: RunOutcome): SuiteRow {
  return {
    test: name,
    verdict: outcome.verdict,
    status: outcome.status,
    ops: { ok: outcome.counts.ok, fail: outcome.counts.fail, info: outcome.counts.info },
    anomalies: outcome.results
      .flatMap((r) => anomalyCounts(r).map(([id, count]) => `${id}×${count}`))
      .join(' '),
    runDir: outcome.runDir,
  };
}

function suiteExitCode(codes: readonly number[], verdict: Verdict): number {
  if (codes.includes(255)) return 255;
  if (codes.includes(130)) return 130;
  return verdict === false ? 1 : verdict === 'unknown' ? 2 : 0;
}

/**
 * Runs a suite's tests in order and keeps index.json and junit.xml (a testsuite per test) up to date
 * after each, so an interrupted suite still leaves both; `faultline serve` shows it as one suite.
 */
export async function runSuite(spec: SuiteSpec): Promise<SuiteOutcome> {
  const started = new Date();
  const dir = join(spec.storeDir, spec.name, runTimestamp(started));
  mkdirSync(dir, { recursive: true });
  const run = spec.run ?? runTest;
  const rows: SuiteRow[] = [];
  const runs: { results: CheckResult[]; test: { name: string; seed: number } }[] = [];
  const codes: number[] = [];
  for (const [i, test] of spec.tests.entries()) {
    spec.onTestStart?.(test, i);
    const outcome = await run({ ...test, storeDir: dir });
    rows.push(rowOf(test.name, outcome));
    runs.push({ results: outcome.results, test: { name: test.name, seed: test.seed } });
    codes.push(outcome.exitCode);
    const index = {
      suite: spec.name,
      ...spec.meta,
      startTime: started.toISOString(),
      ...(spec.command ? { command: spec.command } : {}),
      tests: rows,
    };
    writeFileSync(join(dir, 'index.json'), JSON.stringify(index, null, 2));
    writeFileSync(join(dir, 'junit.xml'), renderJUnitSuites(spec.name, runs));
  }
  const verdict = mergeVerdicts(rows.map((r) => r.verdict ?? 'unknown'));
  return { dir, rows, verdict, exitCode: suiteExitCode(codes, verdict) };
}
