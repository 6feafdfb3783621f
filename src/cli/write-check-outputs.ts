import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckResult } from '../core/checker.js';
import { FaultlineError } from '../core/errors.js';
import type { History } from '../core/op.js';
import { formatJsonlHistory } from '../history/jsonl-history-writer.js';
import { toJson } from './output/to-json.js';

/**
 * Writes what `check --report <dir>` leaves behind: results.json and the history as history.jsonl
 * (so `faultline analyze` can check it again). The HTML report plugs in here.
 */
export async function writeCheckOutputs(
  dir: string,
  history: History,
  result: CheckResult,
): Promise<string[]> {
  const files = [join(dir, 'results.json'), join(dir, 'history.jsonl')];
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(files[0]!, toJson(result) + '\n');
    await writeFile(files[1]!, formatJsonlHistory(history));
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
  return files;
}
