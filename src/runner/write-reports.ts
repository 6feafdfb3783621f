import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from '../core/checker.js';
import type { History } from '../core/op.js';
import { renderJUnit } from '../../reports/render-junit.js';
import { resultsJson } from '../../reports/results-json.js';
import type { TestInfo } from '../../reports/test-info.js';
import { toJsonText } from '../../reports/to-json-text.js';

/** Writes results.json and junit.xml (and the HTML report once reports/ provides it) into `dir`. */
export function writeReports(
  dir: string,
  history: History,
  results: readonly CheckResult[],
  test: TestInfo,
): string[] {
  const written = [join(dir, 'results.json'), join(dir, 'junit.xml')];
  writeFileSync(written[0]!, toJsonText(resultsJson(history, results, test), 2) + '\n');
  writeFileSync(written[1]!, renderJUnit(results, test));
  return written;
}
