import type { CheckResult } from '../core/checker.js';
import type { History } from '../core/op.js';
import type { TestInfo } from '../../reports/test-info.js';
import { writeReport } from '../../reports/write-report.js';

/** The reports seam: results.json, junit.xml and index.html into the run directory. */
export async function writeReports(
  dir: string,
  history: History,
  results: readonly CheckResult[],
  test: TestInfo,
): Promise<void> {
  await writeReport(dir, { history, results, test });
}
