import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckResult } from '../src/core/checker.js';
import type { History } from '../src/core/op.js';
import { renderJUnit } from './render-junit.js';
import { renderReport } from './render-report.js';
import { resultsJson, type ResultsDocument } from './results-json.js';
import type { TestInfo } from './test-info.js';
import { toJsonText } from './to-json-text.js';

/** Files written into a run directory, by name. */
export const REPORT_FILES = { html: 'index.html', results: 'results.json', junit: 'junit.xml' } as const;

/**
 * Writes results.json, junit.xml and index.html into `dir` (created when missing) and returns the
 * results document; its `exitCode` is what a CLI should exit with.
 */
export async function writeReport(
  dir: string,
  input: { history: History; results: readonly CheckResult[]; test?: TestInfo },
): Promise<ResultsDocument> {
  await mkdir(dir, { recursive: true });
  const doc = resultsJson(input.history, input.results, input.test);
  await writeFile(join(dir, REPORT_FILES.results), `${toJsonText(doc, 2)}\n`);
  await writeFile(join(dir, REPORT_FILES.junit), renderJUnit(input.results, input.test));
  await writeFile(join(dir, REPORT_FILES.html), renderReport(input));
  return doc;
}
