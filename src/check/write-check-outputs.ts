import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckResult } from '../core/checker.js';
import { FaultlineError } from '../core/errors.js';
import type { History } from '../core/op.js';
import { formatJsonlHistory } from '../history/jsonl-history-writer.js';
import { REPORT_FILES, writeReport } from '../../reports/write-report.js';

/**
 * Writes what `check --report <dir>` leaves behind: the report files (index.html, results.json,
 * junit.xml) and the history as history.jsonl, so `faultline analyze` can check it again.
 */
export async function writeCheckOutputs(
  dir: string,
  history: History,
  result: CheckResult,
): Promise<string[]> {
  const historyFile = join(dir, 'history.jsonl');
  try {
    await writeReport(dir, { history, results: [result] });
    await writeFile(historyFile, formatJsonlHistory(history));
  } catch (error) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `cannot write the report to ${dir}: ${(error as Error).message}`,
      {
        hint: 'Pass --report a folder you can write to (it is created if missing).',
        cause: error,
      },
    );
  }
  return [...Object.values(REPORT_FILES).map((name) => join(dir, name)), historyFile];
}
